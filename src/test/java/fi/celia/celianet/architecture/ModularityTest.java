package fi.celia.celianet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import fi.celia.celianet.CelianetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CelianetApplication.class);

    @Test
    void modulesTalkOnlyThroughTheirPublicFaceAndHaveNoCycles() {
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("staff", "credentials", "notifications", "audit", "calendar");
    }

    @Test
    void writesTheModuleDocumentation() throws Exception {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeDocumentation();
        assertThat(Files.list(Path.of("target/modulith-docs")).count()).isPositive();
    }
}
