package fi.celia.celianet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without a database named, Celianet stops at once with Spring Boot's failure report, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupCheckTest {

    @Test
    void withoutADatabaseTheStartStopsWithOneLineThatSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> CelianetApplication.application()
                        .run(
                                "--spring.datasource.url=",
                                "--spring.datasource.username=",
                                "--spring.main.banner-mode=off"))
                .isInstanceOf(DatabaseNotConfiguredException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains(DatabaseStartupCheck.MISSING_DATASOURCE)
                .contains("Set the three variables")
                .doesNotContain("at fi.celia.celianet.DatabaseStartupCheck");
    }
}
