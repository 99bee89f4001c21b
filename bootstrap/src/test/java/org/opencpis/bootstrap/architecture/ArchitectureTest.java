package org.opencpis.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks every architecture rule against the production classes of all modules. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = ArchitectureRules.productionClasses();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.opencpis.domain",
            "org.opencpis.application",
            "org.opencpis.adapters.rest",
            "org.opencpis.adapters.persistence",
            "org.opencpis.adapters.spine",
            "org.opencpis.bootstrap"})
    void everyLayerHasProductionClasses(String layer) {
        assertFalse(production.that(JavaClass.Predicates.resideInAPackage(layer + "..")).isEmpty(),
                "no production classes imported from " + layer + "..: the rules over it would check nothing");
    }

    @Test
    void theProductionImportHoldsNoTestClasses() {
        List<String> testClasses = production.stream()
                .filter(javaClass -> javaClass.getPackageName().contains("archfixtures")
                        || javaClass.getSource().map(source -> isTestLocation(source.getUri().toString())).orElse(false))
                .map(JavaClass::getName)
                .toList();
        assertEquals(List.of(), testClasses);
    }

    @Test
    void withoutTheImportOptionsTheFixturesWouldBeImported() {
        JavaClasses everything = new ClassFileImporter().importPackages(ArchitectureRules.ROOT);
        assertTrue(everything.contain("org.opencpis.domain.archfixtures.BadDomainClass"),
                "the exclusion test above must be able to fail");
    }

    @Test
    void mavenTestJarsAreExcludedButMainJarsAreNot() {
        ImportOption option = new ArchitectureRules.DoNotIncludeMavenTestJars();
        String repository = "jar:file:/root/.m2/repository/org/opencpis/opencpis-adapters-persistence/0.1.0-SNAPSHOT/";
        assertAll(
                () -> assertFalse(option.includes(Location.of(URI.create(repository
                        + "opencpis-adapters-persistence-0.1.0-SNAPSHOT-tests.jar!/org/opencpis/adapters/persistence/X.class")))),
                () -> assertTrue(option.includes(Location.of(URI.create(repository
                        + "opencpis-adapters-persistence-0.1.0-SNAPSHOT.jar!/org/opencpis/adapters/persistence/X.class")))),
                () -> assertTrue(option.includes(Location.of(URI.create(
                        "file:/work/main/adapters-persistence/target/classes/org/opencpis/adapters/persistence/X.class")))));
    }

    @Test
    void failOnEmptyShouldIsOn() {
        assertEquals("true", ArchConfiguration.get().getPropertyOrDefault("archRule.failOnEmptyShould", "true"));
    }

    @Test
    void domainDependsOnJdkOnly() {
        ArchitectureRules.DOMAIN_DEPENDS_ON_JDK_ONLY.check(production);
    }

    @Test
    void applicationDependsOnJdkAndDomainOnly() {
        ArchitectureRules.APPLICATION_DEPENDS_ON_JDK_AND_DOMAIN_ONLY.check(production);
    }

    @Test
    void inPortsDoNotDependOnOutPorts() {
        ArchitectureRules.IN_PORTS_DO_NOT_DEPEND_ON_OUT_PORTS.check(production);
    }

    @Test
    void outPortsDoNotDependOnInPorts() {
        ArchitectureRules.OUT_PORTS_DO_NOT_DEPEND_ON_IN_PORTS.check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(production);
    }

    @Test
    void adaptersDoNotDependOnServices() {
        ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_SERVICES.check(production);
    }

    @Test
    void restUsesInPortsOnly() {
        ArchitectureRules.REST_USES_IN_PORTS_ONLY.check(production);
    }

    @Test
    void serdeableTypesDoNotDependOnDomain() {
        ArchitectureRules.SERDEABLE_TYPES_DO_NOT_DEPEND_ON_DOMAIN.check(production);
    }

    @Test
    void persistenceIsUsedOnlyByBootstrap() {
        ArchitectureRules.PERSISTENCE_IS_USED_ONLY_BY_BOOTSTRAP.check(production);
    }

    @Test
    void persistenceRowsAndRepositoriesStayInside() {
        ArchitectureRules.PERSISTENCE_ROWS_AND_REPOSITORIES_STAY_INSIDE.check(production);
    }

    @Test
    void domainFeaturesAreFreeOfCycles() {
        ArchitectureRules.DOMAIN_FEATURES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void applicationFeaturesAreFreeOfCycles() {
        ArchitectureRules.APPLICATION_FEATURES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void restFeaturesAreFreeOfCycles() {
        ArchitectureRules.REST_FEATURES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void persistenceFeaturesAreFreeOfCycles() {
        ArchitectureRules.PERSISTENCE_FEATURES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void spineFeaturesAreFreeOfCycles() {
        ArchitectureRules.SPINE_FEATURES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void auditAndOrganisationDoNotDependOnPlan() {
        ArchitectureRules.AUDIT_AND_ORGANISATION_DO_NOT_DEPEND_ON_PLAN.check(production);
    }

    @Test
    void useCaseServicesUseTransactions() {
        ArchitectureRules.USE_CASE_SERVICES_USE_TRANSACTIONS.check(production);
    }

    @Test
    void coreIsFrameworkFree() {
        ArchitectureRules.CORE_IS_FRAMEWORK_FREE.check(production);
    }

    @Test
    void inPortInterfacesAreUseCases() {
        ArchitectureRules.IN_PORT_INTERFACES_ARE_USE_CASES.check(production);
    }

    @Test
    void inPortsHoldOnlyUseCasesAndValues() {
        ArchitectureRules.IN_PORTS_HOLD_ONLY_USE_CASES_AND_VALUES.check(production);
    }

    @Test
    void useCasesAreInPortInterfaces() {
        ArchitectureRules.USE_CASES_ARE_IN_PORT_INTERFACES.check(production);
    }

    private static boolean isTestLocation(String uri) {
        return uri.contains("/target/test-classes/") || uri.contains("-tests.jar!");
    }
}
