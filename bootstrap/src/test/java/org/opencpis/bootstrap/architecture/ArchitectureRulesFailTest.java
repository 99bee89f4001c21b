package org.opencpis.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencpis.bootstrap.architecture.ArchitectureRules.*;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opencpis.adapters.persistence.archfixtures.PersistenceHelper;
import org.opencpis.adapters.persistence.archfixtures.PersistenceRepository;
import org.opencpis.adapters.persistence.cyclea.archfixtures.PersistenceCycleA;
import org.opencpis.adapters.persistence.cycleb.archfixtures.PersistenceCycleB;
import org.opencpis.adapters.rest.archfixtures.ControllerUsingInPort;
import org.opencpis.adapters.rest.archfixtures.ControllerUsingOutPort;
import org.opencpis.adapters.rest.archfixtures.ControllerUsingService;
import org.opencpis.adapters.rest.archfixtures.ControllerUsingTransactions;
import org.opencpis.adapters.rest.archfixtures.NhsNumberResponse;
import org.opencpis.adapters.rest.archfixtures.PlainResponse;
import org.opencpis.adapters.rest.cyclea.archfixtures.RestCycleA;
import org.opencpis.adapters.rest.cycleb.archfixtures.RestCycleB;
import org.opencpis.adapters.spine.archfixtures.SpineUsingPersistence;
import org.opencpis.adapters.spine.cyclea.archfixtures.SpineCycleA;
import org.opencpis.adapters.spine.cycleb.archfixtures.SpineCycleB;
import org.opencpis.application.archfixtures.BadApplicationClass;
import org.opencpis.application.archfixtures.port.in.LeakyUseCase;
import org.opencpis.application.archfixtures.port.in.SomethingHelper;
import org.opencpis.application.archfixtures.port.in.SomethingPort;
import org.opencpis.application.archfixtures.port.in.SomethingQuery;
import org.opencpis.application.archfixtures.port.in.SomethingUseCase;
import org.opencpis.application.archfixtures.port.out.SomethingStore;
import org.opencpis.application.archfixtures.service.MisplacedUseCase;
import org.opencpis.application.archfixtures.service.TransactionalService;
import org.opencpis.application.archfixtures.service.UntransactionalService;
import org.opencpis.application.audit.archfixtures.AuditUsingPlan;
import org.opencpis.application.cyclea.archfixtures.ApplicationCycleA;
import org.opencpis.application.cycleb.archfixtures.ApplicationCycleB;
import org.opencpis.application.organisation.port.out.Organisations;
import org.opencpis.application.plan.service.PlanService;
import org.opencpis.bootstrap.archfixtures.WiringUsingPersistence;
import org.opencpis.bootstrap.archfixtures.WiringUsingRepository;
import org.opencpis.domain.archfixtures.BadDomainClass;
import org.opencpis.domain.cyclea.archfixtures.DomainCycleA;
import org.opencpis.domain.cycleb.archfixtures.DomainCycleB;
import org.opencpis.domain.shared.NhsNumber;

/**
 * Shows that each important rule can fail: it reports a deliberately bad class (the
 * {@code ..archfixtures} packages of the test sources), spares a well-formed one, and holds on
 * the production classes.
 */
class ArchitectureRulesFailTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = ArchitectureRules.productionClasses();
    }

    @Test
    void aRuleOverAnEmptySubjectFails() {
        JavaClasses noDomain = classes(ApplicationCycleA.class);
        AssertionError classRule = assertThrows(AssertionError.class, () -> DOMAIN_DEPENDS_ON_JDK_ONLY.check(noDomain));
        AssertionError sliceRule = assertThrows(AssertionError.class,
                () -> SPINE_FEATURES_ARE_FREE_OF_CYCLES.check(noDomain));
        assertAll(
                () -> assertTrue(classRule.getMessage().contains("failed to check any classes"), classRule.getMessage()),
                () -> assertTrue(sliceRule.getMessage().contains("failed to check any classes"), sliceRule.getMessage()));
    }

    @Test
    void domainAllowList() {
        assertRule(DOMAIN_DEPENDS_ON_JDK_ONLY, bad(BadDomainClass.class), good(NhsNumber.class));
    }

    @Test
    void applicationAllowList() {
        assertRule(APPLICATION_DEPENDS_ON_JDK_AND_DOMAIN_ONLY, bad(BadApplicationClass.class), good(PlanService.class));
    }

    @Test
    void inPortsDoNotSeeOutPorts() {
        assertRule(IN_PORTS_DO_NOT_DEPEND_ON_OUT_PORTS, bad(LeakyUseCase.class),
                good(SomethingUseCase.class, SomethingQuery.class));
    }

    @Test
    void outPortsDoNotSeeInPorts() {
        assertRule(OUT_PORTS_DO_NOT_DEPEND_ON_IN_PORTS, bad(SomethingStore.class), good(Organisations.class));
    }

    @Test
    void adaptersDoNotSeeEachOther() {
        assertRule(ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                bad(SpineUsingPersistence.class).with(PersistenceHelper.class),
                good(ControllerUsingInPort.class, PersistenceHelper.class));
    }

    @Test
    void adaptersDoNotSeeServices() {
        assertRule(ADAPTERS_DO_NOT_DEPEND_ON_SERVICES, bad(ControllerUsingService.class), good(ControllerUsingInPort.class));
    }

    @Test
    void restUsesInPortsOnly() {
        assertRule(REST_USES_IN_PORTS_ONLY,
                bad(ControllerUsingOutPort.class, ControllerUsingTransactions.class, ControllerUsingService.class),
                good(ControllerUsingInPort.class));
    }

    @Test
    void serdeableTypesDoNotHoldDomainTypes() {
        assertRule(SERDEABLE_TYPES_DO_NOT_DEPEND_ON_DOMAIN, bad(NhsNumberResponse.class), good(PlainResponse.class));
    }

    @Test
    void persistenceIsUsedOnlyByBootstrap() {
        assertRule(PERSISTENCE_IS_USED_ONLY_BY_BOOTSTRAP, bad(SpineUsingPersistence.class),
                good(WiringUsingPersistence.class, PersistenceHelper.class, ControllerUsingInPort.class));
    }

    @Test
    void persistenceRowsAndRepositoriesStayInside() {
        assertRule(PERSISTENCE_ROWS_AND_REPOSITORIES_STAY_INSIDE,
                bad(WiringUsingRepository.class).with(PersistenceRepository.class),
                good(WiringUsingPersistence.class, PersistenceHelper.class));
    }

    @Test
    void domainFeaturesHaveNoCycles() {
        assertRule(DOMAIN_FEATURES_ARE_FREE_OF_CYCLES, bad(DomainCycleA.class, DomainCycleB.class), good(NhsNumber.class));
    }

    @Test
    void applicationFeaturesHaveNoCycles() {
        assertRule(APPLICATION_FEATURES_ARE_FREE_OF_CYCLES, bad(ApplicationCycleA.class, ApplicationCycleB.class),
                good(PlanService.class, Organisations.class));
    }

    @Test
    void restFeaturesHaveNoCycles() {
        assertRule(REST_FEATURES_ARE_FREE_OF_CYCLES, bad(RestCycleA.class, RestCycleB.class),
                good(ControllerUsingInPort.class));
    }

    @Test
    void persistenceFeaturesHaveNoCycles() {
        assertRule(PERSISTENCE_FEATURES_ARE_FREE_OF_CYCLES, bad(PersistenceCycleA.class, PersistenceCycleB.class),
                good(PersistenceHelper.class));
    }

    @Test
    void spineFeaturesHaveNoCycles() {
        assertRule(SPINE_FEATURES_ARE_FREE_OF_CYCLES, bad(SpineCycleA.class, SpineCycleB.class),
                good(SpineUsingPersistence.class));
    }

    @Test
    void auditAndOrganisationDoNotSeePlan() {
        assertRule(AUDIT_AND_ORGANISATION_DO_NOT_DEPEND_ON_PLAN, bad(AuditUsingPlan.class), good(Organisations.class));
    }

    @Test
    void useCaseServicesDeclareTheirTransaction() {
        assertRule(USE_CASE_SERVICES_USE_TRANSACTIONS, bad(UntransactionalService.class).with(SomethingUseCase.class),
                good(TransactionalService.class, SomethingUseCase.class));
    }

    @Test
    void coreIsFrameworkFree() {
        assertRule(CORE_IS_FRAMEWORK_FREE, bad(BadDomainClass.class, BadApplicationClass.class), good(PlanService.class));
    }

    @Test
    void inPortInterfacesAreUseCases() {
        assertRule(IN_PORT_INTERFACES_ARE_USE_CASES, bad(SomethingPort.class), good(SomethingUseCase.class));
    }

    @Test
    void inPortsHoldOnlyUseCasesAndValues() {
        assertRule(IN_PORTS_HOLD_ONLY_USE_CASES_AND_VALUES, bad(SomethingPort.class, SomethingHelper.class),
                good(SomethingUseCase.class, SomethingUseCase.SomethingResult.class, SomethingQuery.class));
    }

    @Test
    void useCasesAreInPortInterfaces() {
        assertRule(USE_CASES_ARE_IN_PORT_INTERFACES, bad(MisplacedUseCase.class), good(SomethingUseCase.class));
    }

    /**
     * The rule reports every bad class (imported with its helpers), spares the good ones, and holds on
     * the production classes; all three are reported together.
     */
    private static void assertRule(ArchRule rule, Bad bad, Class<?>[] good) {
        EvaluationResult onBad = rule.evaluate(classes(bad.all()));
        String report = onBad.getFailureReport().toString();
        Stream<Executable> reportsEachBadClass = Arrays.stream(bad.offenders)
                .map(offender -> () -> assertTrue(report.contains(offender.getName()),
                        "the report does not name " + offender.getName() + ":\n" + report));
        Stream<Executable> checks = Stream.of(
                () -> assertTrue(onBad.hasViolation(), "no violation on " + Arrays.toString(bad.offenders)),
                () -> assertFalse(rule.evaluate(classes(good)).hasViolation(),
                        () -> "violation on the good " + Arrays.toString(good) + ":\n"
                                + rule.evaluate(classes(good)).getFailureReport()),
                () -> rule.check(production));
        assertAll(rule.getDescription(), Stream.concat(checks, reportsEachBadClass));
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static Bad bad(Class<?>... offenders) {
        return new Bad(offenders, new Class<?>[0]);
    }

    private static Class<?>[] good(Class<?>... classes) {
        return classes;
    }

    /** Bad classes, and the harmless classes they need imported with them (e.g. the other end of a dependency). */
    private record Bad(Class<?>[] offenders, Class<?>[] helpers) {
        Bad with(Class<?>... more) {
            return new Bad(offenders, more);
        }

        Class<?>[] all() {
            return Stream.concat(Arrays.stream(offenders), Arrays.stream(helpers)).toArray(Class<?>[]::new);
        }
    }
}
