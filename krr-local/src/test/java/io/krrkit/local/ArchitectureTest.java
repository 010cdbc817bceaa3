package io.krrkit.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of docs/architecture.md, checked on krr-local's main classes: the public surface is
 * {@code io.krrkit.local}'s few types; every feature lives under {@code internal.<feature>} with
 * its domain at the root, {@code http/} and {@code jdbc/} beside it; the domain imports no Javalin,
 * Jackson or JDBC; features meet only through the wiring.
 */
class ArchitectureTest {
  /** The features, each a package under {@code io.krrkit.local.internal}. */
  static final List<String> FEATURES =
      List.of(
          "access",
          "admin",
          "altinn",
          "certificate",
          "client",
          "fault",
          "idporten",
          "journal",
          "krr",
          "maskinporten",
          "selfservice",
          "signing",
          "state",
          "web");

  private static final String INTERNAL = "io.krrkit.local.internal";
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/gg/jte/"))
            .importPackages("io.krrkit.local");
  }

  @Test
  void thePublicSurfaceIsTheApiPackageOnly() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("io.krrkit.local")
            .and()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .haveSimpleNameStartingWith("KrrLocal")
            .orShould()
            .haveSimpleName("Bootstrap")
            .orShould()
            .haveSimpleName("OffsetClock")
            .orShould()
            .haveSimpleName("Controls")
            .orShould()
            .haveSimpleName("ClientSpec")
            .orShould()
            .haveSimpleName("DamagedStoreException")
            .orShould()
            .haveSimpleName("Journal")
            .orShould()
            .haveSimpleName("Faults")
            .orShould()
            .haveSimpleName("FaultEndpoint")
            .orShould()
            .haveSimpleName("RecordedRequest");
    rule.check(main);
  }

  @Test
  void everyClassIsInTheApiPackageOrUnderInternal() {
    classes().should().resideInAnyPackage("io.krrkit.local", INTERNAL + "..").check(main);
  }

  @Test
  void theDomainImportsNoJavalinJacksonOrJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(domainPackages())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "com.fasterxml.jackson..",
            "java.sql..",
            "javax.sql..",
            "gg.jte..",
            INTERNAL + ".http..")
        .orShould()
        .dependOnClassesThat(storeExceptStoreException())
        .check(main);
  }

  /** The store's classes but its failure type, which the domain may catch (a duplicate key). */
  private static com.tngtech.archunit.base.DescribedPredicate<
          com.tngtech.archunit.core.domain.JavaClass>
      storeExceptStoreException() {
    return com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
            INTERNAL + ".store..")
        .and(
            com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("StoreException")))
        .as("store classes other than StoreException");
  }

  @Test
  void theDomainNeverReachesIntoHttpOrJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(domainPackages())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..internal.*.http..", "..internal.*.jdbc..")
        .check(main);
  }

  @ParameterizedTest
  @MethodSource("features")
  void onlyTheFeatureAndTheWiringUseItsJdbcClasses(String feature) {
    noClasses()
        .that()
        .resideOutsideOfPackages(INTERNAL + "." + feature + "..", INTERNAL)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL + "." + feature + ".jdbc..")
        .because("features meet only through the wiring, never through another's tables")
        .check(main);
  }

  @ParameterizedTest
  @MethodSource("features")
  void onlyTheWiringAndTheErrorPathBuildAFeaturesRoutes(String feature) {
    noClasses()
        .that()
        .resideOutsideOfPackages(INTERNAL + "." + feature + "..", INTERNAL)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL + "." + feature + ".http..")
        .check(main);
  }

  @Test
  void onlyTheStoreAndJdbcPackagesUseJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackages(INTERNAL + ".store..", "..internal.*.jdbc..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..")
        .check(main);
  }

  @Test
  void onlyTheWiringOpensTheStore() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.krrkit.local", INTERNAL, "..internal.*.jdbc..", INTERNAL + ".store..")
        .should()
        .dependOnClassesThat(storeExceptStoreException())
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Jdbc")
        .check(main);
  }

  @Test
  void oneJsonConfiguration() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(INTERNAL + ".http.Json")
        .should()
        .callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
        .orShould()
        .callMethod(com.fasterxml.jackson.databind.json.JsonMapper.class, "builder")
        .check(main);
  }

  static List<String> features() {
    return FEATURES;
  }

  private static String[] domainPackages() {
    return FEATURES.stream().map(f -> INTERNAL + "." + f).toArray(String[]::new);
  }
}
