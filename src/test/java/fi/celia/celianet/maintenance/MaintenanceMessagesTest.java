package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MaintenanceMessagesTest {

    @Test
    void everyKeyIsInFinnishSwedishAndEnglish() throws Exception {
        Properties fi = load("fi");
        Properties sv = load("sv");
        Properties en = load("en");
        assertThat(fi.stringPropertyNames()).isNotEmpty().allMatch(key -> key.startsWith("maintenance."));
        assertThat(sv.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(fi.stringPropertyNames());
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(fi.stringPropertyNames());
        for (Properties bundle : new Properties[] {fi, sv, en}) {
            assertThat(bundle.stringPropertyNames())
                    .allMatch(key -> !bundle.getProperty(key).isBlank());
        }
    }

    private static Properties load(String language) throws Exception {
        var properties = new Properties();
        try (var in =
                MaintenanceMessagesTest.class.getResourceAsStream("/i18n/maintenance_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
