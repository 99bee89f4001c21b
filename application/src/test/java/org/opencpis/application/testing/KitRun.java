package org.opencpis.application.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a contract kit's tests against one implementation, on the JUnit Platform, and reports which
 * of them failed. Used to show that a kit catches a deliberately broken implementation: a kit that
 * passes everything proves nothing.
 *
 * <p>The broken implementations are static nested classes of the tests that use this, so the
 * build never runs them by themselves (surefire skips nested classes).
 */
public final class KitRun {
    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    private KitRun() {
    }

    /** Runs every test of {@code kitImplementation} (a concrete subclass of a kit). */
    public static KitRun of(Class<?> kitImplementation) {
        KitRun run = new KitRun();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kitImplementation)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (!test.isTest()) {
                            return;
                        }
                        String name = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                                .map(MethodSource::getMethodName).orElse(test.getDisplayName());
                        (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? run.passed : run.failed).add(name);
                    }
                });
        return run;
    }

    /** The names of the test methods that failed, sorted. */
    public List<String> failed() {
        return failed.stream().sorted().toList();
    }

    /** The names of the test methods that passed, sorted. */
    public List<String> passed() {
        return passed.stream().sorted().toList();
    }
}
