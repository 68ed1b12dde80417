package fi.celia.celianet.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The progress of a mailing keeps its total while the sender works through it. */
class MailProgressTest extends IntegrationTest {

    @Autowired
    Mailings mailings;

    @Test
    void aMailBeingSentStillCountsAsWaitingAndAFailedOneAsFailed() {
        UUID reference = UUID.randomUUID();
        mail(reference, "QUEUED", null);
        mail(reference, "SENDING", null);
        mail(reference, "SENDING", "421 try again later");
        mail(reference, "QUEUED", "421 try again later");
        mail(reference, "SENT", null);
        mail(UUID.randomUUID(), "QUEUED", null);

        MailProgress progress = mailings.progress("PROGRESS_TEST", reference);

        assertThat(progress).isEqualTo(new MailProgress(2, 1, 2));
        assertThat(progress.total()).isEqualTo(5);
    }

    private void mail(UUID reference, String state, String lastError) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, reference_type,
                                           reference_id, state, last_error, created_at, next_attempt_at, lease_until)
                VALUES (:id, :key, 'progress@example.fi', 'fi', 'Aihe', 'Teksti', 'PROGRESS_TEST', :reference, :state,
                        :error, :now, :later, :lease)""")
                .param("id", UUID.randomUUID())
                .param("key", "progress-test:" + UUID.randomUUID())
                .param("reference", reference)
                .param("state", state)
                .param("error", lastError)
                .param("now", now)
                .param("later", Timestamp.from(Instant.now().plusSeconds(3600)))
                .param(
                        "lease",
                        state.equals("SENDING") ? Timestamp.from(Instant.now().plusSeconds(3600)) : null)
                .update();
    }
}
