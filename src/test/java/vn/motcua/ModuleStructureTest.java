package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Pins the module graph: a module that reaches into another's internals, depends on a module its package-info does
 * not allow, or closes a cycle fails the build; so does a module appearing or disappearing without this list changing.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(MotCuaApplication.class);

    /** The capabilities the design document names, one module each. */
    static final String[] DOCUMENTED = {"assistant", "audit", "catalog", "dossier", "feedback", "identity",
            "integration", "notification", "organization", "payment", "platform", "reporting", "result", "wallet",
            "web", "workflow",
            // Certified copies: the module the issue asks for (README, "How the code is organised")
            "certification",
            // Population database part (issue 16): checks against the national population database through the LGSP
            "population"};

    @Test
    void modulesRespectTheirBoundariesAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void theDocumentedModulesAreExactlyTheModules() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder(DOCUMENTED);
    }

    @Test
    void everyModuleDeclaresWhichModulesItMayUse() throws ClassNotFoundException {
        // Without allowedDependencies a module may use any other's API and verify() would not notice a new edge.
        for (String module : DOCUMENTED) {
            var declaration = Class.forName("vn.motcua." + module + ".package-info").getAnnotation(ApplicationModule.class);
            assertThat(declaration).as(module).isNotNull();
            assertThat(Arrays.asList(declaration.allowedDependencies())).as(module)
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        }
    }

    @Test
    void writesModuleDocumentation() {
        var documenter = new Documenter(MODULES);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        // Documenter's default output folder under Maven's build directory.
        assertThat(Path.of("target", "spring-modulith-docs", "components.puml")).content()
                .contains("Dossier", "Reporting");
    }
}
