package fi.celia.celianet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.CelianetApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

class ModularityTest {

    private static final Path GENERATED = Path.of("target/modulith-docs");
    private static final Path PUBLISHED = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(CelianetApplication.class);

    @Test
    void modulesTalkOnlyThroughTheirPublicFaceAndDeclaredDependenciesWithNoCycles() {
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains(
                        "staff",
                        "credentials",
                        "notifications",
                        "audit",
                        "calendar",
                        "patrons",
                        "bookclubs",
                        "institutions",
                        "maintenance",
                        "home");
    }

    /**
     * Writes the module documentation afresh and compares it, line by line in any order, with the copy published
     * under docs/modules, so a
     * change of the modules that leaves the published documentation stale fails here. To publish:
     * {@code rm -rf docs/modules && cp -r target/modulith-docs docs/modules}.
     */
    @Test
    void thePublishedModuleDocumentationIsTheCurrentOne() throws IOException {
        FileSystemUtils.deleteRecursively(GENERATED);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();

        Map<String, String> generated = contents(GENERATED);
        assertThat(generated)
                .containsKey("components.puml")
                .hasSizeGreaterThan(modules.stream().toList().size());
        assertThat(contents(PUBLISHED))
                .as("docs/modules is stale: rm -rf docs/modules && cp -r target/modulith-docs docs/modules")
                .isEqualTo(generated);
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                // the Documenter writes relations in no fixed order: compare the lines as a set
                files.put(
                        folder.relativize(file).toString(),
                        Files.readAllLines(file).stream().sorted().toList().toString());
            }
        }
        return files;
    }
}
