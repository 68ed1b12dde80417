package fi.celia.celianet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.patrons.internal.PatronChange;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * No raw name reaches a page: every audit event has its name in Finnish, Swedish and English, and so has every field
 * a patron's history can record, so neither {@code PATRON_CHANGED} nor a column name such as {@code street_address}
 * is ever shown.
 */
class AuditEventMessagesTest {

    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    @Test
    void everyAuditEventHasItsNameInEveryLanguage() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties messages = load("messages_" + language + ".properties");
            for (AuditEvent event : AuditEvent.values()) {
                String text = messages.getProperty(event.messageKey());
                if (text == null || text.isBlank() || text.contains(event.name())) {
                    missing.add(language + ": " + event);
                }
            }
        }
        assertThat(missing).as("audit events without a name").isEmpty();
        assertThat(load("messages_sv.properties").getProperty(AuditEvent.PATRON_CHANGED.messageKey()))
                .isEqualTo("Uppgifter ändrade");
    }

    @Test
    void everyAccessPurposeHasItsNameInEveryLanguage() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties messages = load("messages_" + language + ".properties");
            for (AccessPurpose purpose : AccessPurpose.values()) {
                String text = messages.getProperty(purpose.messageKey());
                if (text == null || text.isBlank() || text.contains(purpose.name())) {
                    missing.add(language + ": " + purpose);
                }
            }
        }
        assertThat(missing).as("access purposes without a name").isEmpty();
        assertThat(load("messages_fi.properties").getProperty(AccessPurpose.SEARCH_RESULT.messageKey()))
                .isEqualTo("Avattu hakutuloksista");
    }

    @Test
    void everyFieldAPatronsHistoryCanRecordHasItsNameInEveryLanguage() throws IOException {
        assertThat(PatronChange.FIELDS).contains("street_address", "postal_code", "organisation", "status");
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties messages = load("i18n/patrons_" + language + ".properties");
            for (String field : PatronChange.FIELDS) {
                String text = messages.getProperty(PatronChange.messageKey(field));
                if (text == null || text.isBlank() || text.contains("_") || text.equals(field)) {
                    missing.add(language + ": " + field + " = " + text);
                }
            }
        }
        assertThat(missing).as("recordable fields without a name people read").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
