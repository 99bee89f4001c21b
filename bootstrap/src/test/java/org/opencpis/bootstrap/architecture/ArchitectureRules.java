package org.opencpis.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The architecture of OpenCPIS as ArchUnit rules, shared by {@link ArchitectureTest} (which checks
 * them against the production classes of every module) and {@link ArchitectureRulesFailTest}
 * (which shows that each important rule catches a deliberately bad class).
 *
 * <p>{@code archRule.failOnEmptyShould} stays at its default (true): a rule whose subject is
 * empty — a layer with no classes, a package that was renamed — fails instead of passing
 * vacuously.
 */
public final class ArchitectureRules {

    public static final String ROOT = "org.opencpis";
    public static final String DOMAIN = "org.opencpis.domain..";
    public static final String APPLICATION = "org.opencpis.application..";
    public static final String ADAPTERS = "org.opencpis.adapters..";
    public static final String REST = "org.opencpis.adapters.rest..";
    public static final String PERSISTENCE = "org.opencpis.adapters.persistence..";
    public static final String SPINE = "org.opencpis.adapters.spine..";
    public static final String BOOTSTRAP = "org.opencpis.bootstrap..";

    public static final String IN_PORTS = "org.opencpis..port.in..";
    public static final String OUT_PORTS = "org.opencpis..port.out..";
    public static final String SERVICES = "org.opencpis.application..service..";
    public static final String APPLICATION_SHARED = "org.opencpis.application.shared..";
    public static final String TRANSACTIONS = "org.opencpis.application.shared.port.out.Transactions";

    public static final String SERDEABLE = "io.micronaut.serde.annotation.Serdeable";
    public static final String SERIALIZABLE = "io.micronaut.serde.annotation.Serdeable$Serializable";
    public static final String DESERIALIZABLE = "io.micronaut.serde.annotation.Serdeable$Deserializable";
    public static final String MAPPED_ENTITY = "io.micronaut.data.annotation.MappedEntity";
    public static final String REPOSITORY = "io.micronaut.data.annotation.Repository";
    public static final String GENERIC_REPOSITORY = "io.micronaut.data.repository.GenericRepository";

    private static final String[] FRAMEWORKS = {"io.micronaut..", "jakarta..", "javax.."};

    // 1. The domain depends on the JDK and itself only.
    public static final ArchRule DOMAIN_DEPENDS_ON_JDK_ONLY = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .as("the domain depends only on java.. and org.opencpis.domain..");

    // 2. The application depends on the JDK, the domain and itself only.
    public static final ArchRule APPLICATION_DEPENDS_ON_JDK_AND_DOMAIN_ONLY = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .as("the application depends only on java.., org.opencpis.domain.. and org.opencpis.application..");

    // 3. In-ports and out-ports do not see each other (one constant per direction, so that each
    //    direction reports, and fails on an empty subject, by itself).
    public static final ArchRule IN_PORTS_DO_NOT_DEPEND_ON_OUT_PORTS = noClasses()
            .that().resideInAPackage(IN_PORTS)
            .should().dependOnClassesThat().resideInAPackage(OUT_PORTS)
            .as("in-ports (..port.in..) do not depend on out-ports (..port.out..)");

    public static final ArchRule OUT_PORTS_DO_NOT_DEPEND_ON_IN_PORTS = noClasses()
            .that().resideInAPackage(OUT_PORTS)
            .should().dependOnClassesThat().resideInAPackage(IN_PORTS)
            .as("out-ports (..port.out..) do not depend on in-ports (..port.in..)");

    // 4. Adapters do not see each other, nor the application's service implementations.
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("org.opencpis.adapters.(*)..")
            .should().notDependOnEachOther()
            .as("adapters (rest, persistence, spine) do not depend on each other");

    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_SERVICES = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .as("adapters do not depend on application service classes (..application..service..)");

    // 5. REST reaches the application only through in-ports and the shared value types.
    private static final DescribedPredicate<JavaClass> APPLICATION_BEYOND_IN_PORTS =
            resideInAPackage(APPLICATION)
                    .and(not(resideInAPackage("org.opencpis.application..port.in..")))
                    .and(not(resideInAPackage(APPLICATION_SHARED)
                            .and(not(resideInAnyPackage(OUT_PORTS, SERVICES)))))
                    .as("application classes other than in-ports and org.opencpis.application.shared.. value types");

    public static final ArchRule REST_USES_IN_PORTS_ONLY = noClasses()
            .that().resideInAPackage(REST)
            .should().dependOnClassesThat(APPLICATION_BEYOND_IN_PORTS)
            .as("adapters-rest uses the application only through ..port.in.. and "
                    + "org.opencpis.application.shared.. value types (never port.out or service)");

    // 6. What goes over the wire is not the domain.
    public static final ArchRule SERDEABLE_TYPES_DO_NOT_DEPEND_ON_DOMAIN = noClasses()
            .that().areAnnotatedWith(SERDEABLE)
            .or().areAnnotatedWith(SERIALIZABLE)
            .or().areAnnotatedWith(DESERIALIZABLE)
            .should().dependOnClassesThat().resideInAPackage(DOMAIN)
            .as("@Serdeable types do not depend on org.opencpis.domain..");

    // 7. Persistence internals stay in persistence: only bootstrap (the wiring) may name a
    //    persistence class at all, and nobody outside persistence, bootstrap included, may see
    //    its rows and Micronaut Data repositories.
    public static final ArchRule PERSISTENCE_IS_USED_ONLY_BY_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(PERSISTENCE)
            .as("nothing outside org.opencpis.adapters.persistence.. and org.opencpis.bootstrap.. "
                    + "depends on org.opencpis.adapters.persistence..");

    private static final DescribedPredicate<JavaClass> PERSISTENCE_ROWS_AND_REPOSITORIES =
            resideInAPackage(PERSISTENCE)
                    .and(metaAnnotatedWith(MAPPED_ENTITY)
                            .or(metaAnnotatedWith(REPOSITORY))
                            .or(assignableTo(GENERIC_REPOSITORY)))
                    .as("persistence rows (@MappedEntity) and repositories (@Repository, GenericRepository)");

    public static final ArchRule PERSISTENCE_ROWS_AND_REPOSITORIES_STAY_INSIDE = noClasses()
            .that().resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat(PERSISTENCE_ROWS_AND_REPOSITORIES)
            .as("persistence rows and repositories are not used outside org.opencpis.adapters.persistence..");

    // 8. No cycles between the feature packages of any layer.
    public static final ArchRule DOMAIN_FEATURES_ARE_FREE_OF_CYCLES = featuresFreeOfCycles("org.opencpis.domain");
    public static final ArchRule APPLICATION_FEATURES_ARE_FREE_OF_CYCLES = featuresFreeOfCycles("org.opencpis.application");
    public static final ArchRule REST_FEATURES_ARE_FREE_OF_CYCLES = featuresFreeOfCycles("org.opencpis.adapters.rest");
    public static final ArchRule PERSISTENCE_FEATURES_ARE_FREE_OF_CYCLES = featuresFreeOfCycles("org.opencpis.adapters.persistence");
    public static final ArchRule SPINE_FEATURES_ARE_FREE_OF_CYCLES = featuresFreeOfCycles("org.opencpis.adapters.spine");

    /** plan builds on audit and organisation; never the reverse. */
    public static final ArchRule AUDIT_AND_ORGANISATION_DO_NOT_DEPEND_ON_PLAN = noClasses()
            .that().resideInAnyPackage("org.opencpis.application.audit..", "org.opencpis.application.organisation..")
            .should().dependOnClassesThat().resideInAPackage("org.opencpis.application.plan..")
            .as("application.audit and application.organisation do not depend on application.plan");

    // 9. The use-case transaction is declared.
    public static final ArchRule USE_CASE_SERVICES_USE_TRANSACTIONS = classes()
            .that().resideInAPackage(SERVICES)
            .and().implement(simpleNameEndingWith("UseCase"))
            .should().dependOnClassesThat().haveFullyQualifiedName(TRANSACTIONS)
            .as("application services implementing a *UseCase depend on " + TRANSACTIONS);

    // 10. The core is framework-free: no Micronaut, Jakarta or javax, as a dependency or an annotation.
    public static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .orShould().beMetaAnnotatedWith(annotationFrom(FRAMEWORKS))
            .as("domain and application neither depend on nor are annotated with io.micronaut.., jakarta.., javax..");

    // 11. In-ports: interfaces named *UseCase, plus the records, enums and exceptions they take and give.
    public static final ArchRule IN_PORT_INTERFACES_ARE_USE_CASES = classes()
            .that().resideInAPackage(IN_PORTS)
            .and().areInterfaces()
            .and().areNotAnnotations()
            .should().haveSimpleNameEndingWith("UseCase")
            .as("interfaces in ..port.in.. are named *UseCase");

    public static final ArchRule IN_PORTS_HOLD_ONLY_USE_CASES_AND_VALUES = classes()
            .that().resideInAPackage(IN_PORTS)
            .should(be(JavaClass.Predicates.INTERFACES.and(simpleNameEndingWith("UseCase"))
                    .or(JavaClass.Predicates.RECORDS)
                    .or(JavaClass.Predicates.ENUMS)
                    .or(assignableTo(Throwable.class))
                    .as("a *UseCase interface, or a record, enum or exception")))
            .as("..port.in.. holds *UseCase interfaces and their command/query/result records, enums and exceptions only");

    public static final ArchRule USE_CASES_ARE_IN_PORT_INTERFACES = classes()
            .that().resideInAPackage(ROOT + "..")
            .and().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces()
            .andShould().resideInAPackage(IN_PORTS)
            .as("*UseCase types are interfaces in ..port.in..");

    private ArchitectureRules() {
    }

    /**
     * The production classes of every module, imported once per test JVM: {@code org.opencpis} from all classpath entries,
     * jars and other modules' {@code target/classes} included, test classes excluded — those of
     * this module ({@code target/test-classes}, where the {@code .archfixtures} live) and the
     * {@code -tests.jar} test-jars of sibling modules that bootstrap's tests depend on.
     */
    public static JavaClasses productionClasses() {
        return ProductionClasses.IMPORTED;
    }

    private static final class ProductionClasses {
        private static final JavaClasses IMPORTED = importProductionClasses();
    }

    /** A fresh import of the production classes; {@link #productionClasses()} shares one between the tests. */
    public static JavaClasses importProductionClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new DoNotIncludeMavenTestJars())
                .importPackages(ROOT);
    }

    /** Excludes Maven test-jars ({@code *-tests.jar}), which DO_NOT_INCLUDE_TESTS does not recognise. */
    public static final class DoNotIncludeMavenTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    private static ArchRule featuresFreeOfCycles(String layer) {
        return slices().matching(layer + ".(*)..")
                .should().beFreeOfCycles()
                .as("feature packages " + layer + ".* are free of cycles");
    }

    private static DescribedPredicate<JavaClass> metaAnnotatedWith(String annotation) {
        return DescribedPredicate.describe("meta-annotated with @" + annotation,
                javaClass -> javaClass.isMetaAnnotatedWith(annotation));
    }

    private static DescribedPredicate<JavaAnnotation<?>> annotationFrom(String... packages) {
        return DescribedPredicate.describe("an annotation from " + String.join(", ", packages),
                annotation -> resideInAnyPackage(packages).test(annotation.getRawType()));
    }
}
