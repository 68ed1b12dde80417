package fi.celia.celianet.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import fi.celia.celianet.CelianetApplication;
import fi.celia.celianet.patrons.PatronFixtures;
import fi.celia.celianet.patrons.PatronRows;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code rotate-keys} after a new key was put first: killed halfway through, run again, it leaves every identity
 * code sealed and indexed under the new keys, readable by an application that no longer knows the old ones. The
 * tests' own keys play the new keys here, so the rest of the test database is already under them.
 */
@ExtendWith(OutputCaptureExtension.class)
class RotateKeysTest extends IntegrationTest {

    private static final DataKeys OLD = DataKeys.generate("old");
    private static final int PATRONS = 30;
    private static final int BATCH = 10;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void rotateKeysKilledHalfwayAndRunAgainLeavesEveryCodeReadableUnderTheNewKeys(CapturedOutput output)
            throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.MAIN_USER, library);
        Map<UUID, String> codes = new LinkedHashMap<>();
        while (codes.size() < PATRONS) {
            String code = PatronFixtures.newCode();
            codes.put(
                    PatronRows.in(jdbc, library.getId(), registrar.getId())
                            .name("Kiertävä", TestData.unique("Avain"))
                            .identityCode(code)
                            .sealedWith(DataSealing.with(OLD))
                            .insert(),
                    code);
        }
        // the new keys first, the old ones after them, as the README says to set them
        String keys = "--celianet.data-keys=" + DataKeys.TEST_KEYS + "," + OLD.format();

        // first run: a process of its own, killed (SIGKILL) once its first batch is committed
        Path log = Path.of("target", "rotate-keys-interrupted.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                CelianetApplication.class.getName(),
                "rotate-keys",
                keys,
                "--celianet.rotate-keys.batch-size=" + BATCH,
                "--celianet.rotate-keys.pause=10m",
                "--logging.structured.format.console="));
        command.addAll(database());
        Process first = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !first.isAlive()
                            || Files.readString(log, StandardCharsets.UTF_8)
                                    .contains("rotate-keys: patron identity codes: " + BATCH + " of " + PATRONS
                                            + " re-sealed"));
            assertThat(first.isAlive()).as("the first run, still working").isTrue();
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // halfway: one batch under the new keys, the rest still under the old ones, every code intact
        assertThat(keyCounts(codes)).containsEntry("test/test", (long) BATCH).containsEntry("old/old", (long)
                (PATRONS - BATCH));
        DataSealing both = DataSealing.with(DataKeys.parse(DataKeys.TEST_KEYS + "," + OLD.format()));
        codes.forEach((id, code) -> assertThat(open(both, id)).isEqualTo(code));

        // second run, in this process, to its end
        assertThat(CelianetApplication.rotateKeys(withDatabase(
                        keys, "--celianet.rotate-keys.batch-size=" + BATCH, "--spring.main.banner-mode=off")))
                .isZero();
        assertThat(output.getAll())
                .contains("rotate-keys: patron identity codes: " + (PATRONS - BATCH) + " to re-seal")
                .contains("rotate-keys: every sealed value is under the current keys; older keys can be removed");

        assertThat(keyCounts(codes)).containsExactly(Map.entry("test/test", (long) PATRONS));
        codes.forEach((id, code) -> {
            // opened and found with the new keys alone
            assertThat(TestSealing.identityCode(jdbc, id)).isEqualTo(code);
            assertThat(jdbc.sql("SELECT identity_code_index FROM patron WHERE id = :id")
                            .param("id", id)
                            .query(byte[].class)
                            .single())
                    .isEqualTo(TestSealing.index(code));
        });
        // and the application, which knows only the new keys, finds a rotated patron by the code
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        var any = codes.entrySet().iterator().next();
        assertThat(PatronFixtures.search(mvc, staff, any.getValue(), null)).contains("/patrons/" + any.getKey());
    }

    private Map<String, Long> keyCounts(Map<UUID, String> codes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(
                        """
                SELECT identity_code_key || '/' || identity_code_index_key AS keys, count(*) AS n FROM patron
                WHERE id = ANY(:ids) GROUP BY 1 ORDER BY 1 DESC""")
                .param("ids", codes.keySet().toArray(UUID[]::new))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    private String open(DataSealing sealing, UUID id) {
        return jdbc.sql("SELECT identity_code_key, identity_code_sealed FROM patron WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> sealing.open(new DataSealing.Sealed(rs.getString(1), rs.getBytes(2)), id))
                .single();
    }

    private List<String> database() {
        return List.of(
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(),
                "--spring.datasource.password=" + dataSource.getPassword());
    }

    private String[] withDatabase(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(database());
        return all.toArray(String[]::new);
    }
}
