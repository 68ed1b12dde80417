package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.maintenance.WindowDetails;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A real maintenance window, a movable clock: registration closes at the start to the second, and opens at the end. */
class RegistrationDuringMaintenanceTest extends IntegrationTest {

    @Autowired
    MaintenanceWindows windows;

    @Test
    void aRegistrationOneSecondBeforeTheStartSavesOneAtTheStartIsRefusedAndTheEndOpensItAgain() throws Exception {
        // A Monday years ahead, so that no other test's clock stands inside this window.
        LocalDateTime start = LocalDateTime.of(2033, 3, 7, 8, 0)
                .plusWeeks(ThreadLocalRandom.current().nextInt(500));
        Instant startsAt = Helsinki.instantOf(start);
        Instant endsAt = Helsinki.instantOf(start.plusHours(8));
        String title = TestData.unique("Konesalin muutto");
        clock.set(startsAt.minusSeconds(30 * 24 * 3600));
        UUID window = windows.create(
                new WindowDetails(
                        startsAt,
                        endsAt,
                        Helsinki.instantOf(start.minusDays(14)),
                        title,
                        "",
                        "",
                        "Rekisteröinti on suljettu.",
                        "",
                        "",
                        EnumSet.of(ClosableService.REGISTRATION),
                        Set.of(ContactChannel.EMAIL)),
                "test");
        try {
            var library = data.library(TestData.unique("Library"));
            var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);

            clock.set(startsAt.minusSeconds(1));
            String before = PatronFixtures.newCode();
            var saved = mvc.perform(post("/patrons")
                            .with(session)
                            .params(PatronFixtures.form(
                                    UUID.randomUUID().toString(), before, TestData.unique("b") + "@example.fi")))
                    .andReturn()
                    .getResponse();
            assertThat(saved.getStatus()).isEqualTo(303);
            assertThat(count(before)).isEqualTo(1);

            clock.set(startsAt);
            String during = PatronFixtures.newCode();
            var fields =
                    PatronFixtures.form(UUID.randomUUID().toString(), during, TestData.unique("d") + "@example.fi");
            var refused = mvc.perform(post("/patrons").with(session).params(fields))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getContentAsString())
                    .contains(title)
                    .contains("id=\"service-closed\"")
                    .contains("value=\"" + during + "\"")
                    .contains("value=\"" + fields.getFirst("lastName") + "\"");
            assertThat(count(during)).as("nothing written").isZero();

            clock.set(endsAt);
            var reopened = mvc.perform(post("/patrons").with(session).params(fields))
                    .andReturn()
                    .getResponse();
            assertThat(reopened.getStatus())
                    .as("open again at the end, without a restart")
                    .isEqualTo(303);
            assertThat(count(during)).isEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM maintenance_window WHERE id = :id")
                    .param("id", window)
                    .update();
        }
    }

    private int count(String code) {
        return jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                .param("c", TestSealing.index(code))
                .query(Integer.class)
                .single();
    }
}
