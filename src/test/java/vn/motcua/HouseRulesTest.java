package vn.motcua;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.List;
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
            .that().doNotHaveFullyQualifiedName("vn.motcua.platform.time.ClockConfiguration")
            .should().callMethodWhere(readsTheSystemTime())
            .because("the current time comes from the Clock bean, never from the system directly");

    /** Any java.time {@code now(...)} but {@code now(Clock)}, {@code Clock.system*()}, System.currentTimeMillis(). */
    private static DescribedPredicate<JavaMethodCall> readsTheSystemTime() {
        return DescribedPredicate.describe("a read of the system time", call -> {
            String owner = call.getTarget().getOwner().getName();
            String name = call.getTarget().getName();
            List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
            if (owner.equals(Clock.class.getName())) {
                return name.startsWith("system");
            }
            if (owner.equals(System.class.getName())) {
                return name.equals("currentTimeMillis");
            }
            return owner.startsWith("java.time.") && name.equals("now")
                    && !(parameters.size() == 1 && parameters.getFirst().isEquivalentTo(Clock.class));
        });
    }

    private static DescribedPredicate<JavaClass> named(String... names) {
        Set<String> set = Set.of(names);
        // Nested and anonymous classes belong to their top-level class.
        return DescribedPredicate.describe("one of " + set,
                type -> set.contains(type.getName().replaceFirst("\\$.*", "")));
    }
}
