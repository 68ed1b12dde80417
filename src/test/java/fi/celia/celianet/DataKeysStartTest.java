package fi.celia.celianet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.celia.celianet.sealing.DataKeys;
import fi.celia.celianet.sealing.DataKeysException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A production start without its data keys, or with the tests' public ones, stops before it touches the database,
 * with one line that says what is wrong and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataKeysStartTest {

    /** A database that is never reached: the keys are checked first. */
    private static final String[] PRODUCTION = {
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never",
        "--spring.datasource.username=celianet",
        "--spring.main.banner-mode=off",
        "--celianet.data-keys-test-allowed=false"
    };

    @Test
    void withoutDataKeysTheStartStopsWithOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> CelianetApplication.application().run(with("--celianet.data-keys=")))
                .hasRootCauseInstanceOf(DataKeysException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Celianet needs its data keys: CELIANET_DATA_KEYS is not set (the README says how to make"
                        + " them).")
                .doesNotContain("at fi.celia.celianet.sealing");
    }

    @Test
    void withTheTestsFixedKeysTheStartStopsWithOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> CelianetApplication.application()
                        .run(with("--celianet.data-keys=" + DataKeys.TEST_KEYS.replace(":test:", ":prod:"))))
                .hasRootCauseInstanceOf(DataKeysException.class);

        assertThat(output.getAll())
                .contains("CELIANET_DATA_KEYS holds the tests' fixed key, which is public: make new keys (openssl rand"
                        + " -base64 32).")
                .doesNotContain("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .doesNotContain("at fi.celia.celianet.sealing");
    }

    @Test
    void withAMalformedKeyTheLineNamesTheEntryButNotTheKey(CapturedOutput output) {
        assertThatThrownBy(() -> CelianetApplication.application()
                        .run(with("--celianet.data-keys=seal:2026:c2hvcnQ=,index:2026:c2hvcnQ=")))
                .hasRootCauseInstanceOf(DataKeysException.class);

        assertThat(output.getAll())
                .contains("CELIANET_DATA_KEYS: the seal key 2026 is 5 bytes")
                .doesNotContain("c2hvcnQ=");
    }

    private static String[] with(String keys) {
        String[] args = new String[PRODUCTION.length + 1];
        System.arraycopy(PRODUCTION, 0, args, 0, PRODUCTION.length);
        args[PRODUCTION.length] = keys;
        return args;
    }
}
