package vn.motcua;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameContaining;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * House rules the module graph alone does not catch. Known exceptions are listed by name with a "to move" note, so a
 * new offender fails while the old ones wait for their move; remove a name once its class complies.
 */
@AnalyzeClasses(packages = "vn.motcua", importOptions = ImportOption.DoNotIncludeTests.class)
class HouseRulesTest {

    /** Demo data must be removable: only the demo packages themselves (and the application's bootstrapping) see them. */
    @ArchTest
    static final ArchRule productionCodeDoesNotDependOnDemoData = noClasses()
            .that().resideOutsideOfPackage("..demo..")
            .and(not(named(
                    "vn.motcua.MotCuaApplication",
                    // to move: the login page's list of demo accounts should come through an interface the demo fills
                    "vn.motcua.identity.web.LoginController")))
            .should().dependOnClassesThat().resideInAPackage("..demo..")
            .because("demo data is switched off in production and must be deletable without touching real code");

    /** SQL belongs to a module's repositories or its internals, so a table has one owner and one place to change. */
    @ArchTest
    static final ArchRule sqlOnlyInRepositoriesAndInternals = noClasses()
            .that(not(simpleNameEndingWith("Repository")))
            .and().resideOutsideOfPackage("..internal..")
            .should().dependOnClassesThat().belongToAnyOf(JdbcClient.class, JdbcTemplate.class,
                    NamedParameterJdbcTemplate.class)
            .because("SQL lives in *Repository classes or in the owning module's internal package");

    /** Time comes from the one Clock bean, so tests and the working-day calendar can set "now". */
    @ArchTest
    static final ArchRule timeOnlyFromTheClock = noClasses()
            .that(not(clockConfiguration()))
            .and(not(named(
                    // to move: take the Clock bean (today's date for the effective agencies)
                    "vn.motcua.organization.OrganizationService",
                    // to move: take the Clock bean (default report period)
                    "vn.motcua.reporting.web.ReportScopes",
                    // to move: take the Clock bean (date printed on the form)
                    "vn.motcua.dossier.forms.DossierForms",
                    // to move: take the Clock bean (export file name)
                    "vn.motcua.catalog.web.CatalogAdminPages",
                    // to move: take the Clock bean (import finished at)
                    "vn.motcua.catalog.transfer.CatalogImports",
                    // to move: take the Clock bean (empty trend's period)
                    "vn.motcua.reporting.export.ReportWorkbooks",
                    // to move: take the Clock bean (report time when the postal service gives none)
                    "vn.motcua.integration.postal.PostalBookings",
                    // to move: take the Clock bean (demo certificate validity)
                    "vn.motcua.result.signing.DemoAuthority",
                    // to move: take the Clock bean (validation time of an unsigned-time signature)
                    "vn.motcua.result.signing.PadesVerifier")))
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .because("the current time comes from the Clock bean, never from the system directly");

    /** The Clock bean: today in identity's security configuration, moving to a platform *Clock* class. */
    private static DescribedPredicate<JavaClass> clockConfiguration() {
        return named("vn.motcua.identity.internal.SecurityConfiguration")
                .or(resideInAPackage("vn.motcua.platform..").and(simpleNameContaining("Clock")))
                .as("the Clock configuration");
    }

    private static DescribedPredicate<JavaClass> named(String... names) {
        Set<String> set = Set.of(names);
        // Nested and anonymous classes belong to their top-level class.
        return DescribedPredicate.describe("one of " + set,
                type -> set.contains(type.getName().replaceFirst("\\$.*", "")));
    }
}
