package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The settings come from application.yml (and the tests' own overrides), each written in one place. */
class CelianetPropertiesTest extends IntegrationTest {

    @Autowired
    CelianetProperties properties;

    @Test
    void theSettingsAreBoundFromTheConfiguration() {
        assertThat(properties.mail().from()).isEqualTo("noreply@celianet.invalid");
        assertThat(properties.mail().batchSize()).isEqualTo(50); // the tests' override of 200
        assertThat(properties.mail().pollInterval()).isEqualTo(Duration.ofMillis(200)); // IntegrationTest's
        assertThat(properties.institutions().targetWorkingDays()).isEqualTo(2);
        assertThat(properties.baseUrl()).doesNotEndWith("/");
        assertThat(properties.patronService().url()).isEqualTo("https://celia.fi");
        assertThat(properties.serviceChannels().email()).isEqualTo("asiakaspalvelu@celia.fi");
        assertThat(properties.serviceChannels().phone()).isEqualTo("0295 333 050");
        assertThat(properties.patronService().name(Locale.forLanguageTag("sv"))).isEqualTo("Celias webbibliotek");
        assertThat(properties.patronService().name(Locale.GERMAN)).isEqualTo("Celian verkkokirjasto");
    }

    @Test
    void theBaseAddressIsWrittenWithoutATrailingSlashWhateverItWasGiven() {
        var given = new CelianetProperties("https://celianet.example.fi//", null, null, null, null, null);
        assertThat(given.baseUrl()).isEqualTo("https://celianet.example.fi");
        assertThat(given.link("/join/status/x")).isEqualTo("https://celianet.example.fi/join/status/x");
    }
}
