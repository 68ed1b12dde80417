package fi.celia.celianet.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.Outbox;
import fi.celia.celianet.support.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A mailing is queued as its texts once and one narrow row per recipient; the sender writes each recipient's mail
 * into the outbox as it sends it. Whatever the sender has taken meanwhile, every recipient is either staged or in
 * the outbox, counted as waiting until sent, and an erased address or a cancelled mailing reaches nobody.
 */
class MailingStagingTest extends IntegrationTest {

    private static final String REFERENCE_TYPE = "STAGING_TEST";

    @Autowired
    Mailings mailings;

    @Autowired
    Mailbox mailbox;

    @Test
    void eachRecipientIsStagedOrInTheOutboxOnceAndCountedAsWaitingUntilSent() {
        String kept = TestData.unique("vastaanottaja") + "@example.fi";
        String erased = TestData.unique("poistettava") + "@example.fi";
        data.patron(TestData.unique("Pysyvä Asiakas"), null, null, kept, false);
        data.patron(TestData.unique("Poistuva Asiakas"), null, null, erased, false);
        UUID reference = UUID.randomUUID();
        try {
            int queued = mailings.enqueue(mailing(reference));

            assertThat(queued).isEqualTo(countedFor(reference)).isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM mailing_text t JOIN mailing m ON m.id = t.mailing_id"
                                    + " WHERE m.reference_id = :id")
                            .param("id", reference)
                            .query(Integer.class)
                            .single())
                    .as("the texts once per wording and language, not per recipient")
                    .isEqualTo(Wording.values().length * 3);
            assertThat(mails(reference, "%")).isEqualTo(queued);
            MailProgress progress = mailings.progress(REFERENCE_TYPE, reference);
            assertThat(progress.total()).isEqualTo(queued);
            assertThat(jdbc.sql("SELECT subject FROM " + Outbox.MAILS + " WHERE reference_id = :id AND recipient = :r")
                            .param("id", reference)
                            .param("r", kept)
                            .query(String.class)
                            .single())
                    .isEqualTo("Tiedote");
            assertThat(mailings.enqueue(mailing(reference)))
                    .as("the same mailing queued again reaches nobody twice")
                    .isZero();
            assertThat(mails(reference, "%")).isEqualTo(queued);

            mailbox.forget("PATRON", UUID.randomUUID(), List.of(erased.toUpperCase()));

            assertThat(jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS + " WHERE reference_id = :id AND recipient = :r"
                                    + " AND state IN ('STAGED', 'QUEUED')")
                            .param("id", reference)
                            .param("r", erased)
                            .query(Integer.class)
                            .single())
                    .as("an erased address is not mailed unless its mail was already on its way")
                    .isZero();
            assertStagedCountMatches(reference);

            mailings.cancelQueued(REFERENCE_TYPE, reference, "staging-test");

            assertThat(mails(reference, "STAGED")).isZero();
            assertThat(mails(reference, "QUEUED")).isZero();
            assertStagedCountMatches(reference);
            assertThat(mailings.progress(REFERENCE_TYPE, reference).queued())
                    .as("a mail being sent when the mailing was cancelled still counts until the sender records it")
                    .isEqualTo(mails(reference, "SENDING"));
        } finally {
            Outbox.cancel(jdbc, reference);
        }
    }

    private Mailing mailing(UUID reference) {
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (Wording wording : Wording.values()) {
            subjects.put(Mailing.key(wording, "fi"), "Tiedote");
            bodies.put(Mailing.key(wording, "fi"), "Tietoa asiakkaalle " + Mailing.ABOUT + ".");
        }
        return new Mailing(
                "staging-test",
                reference.toString(),
                Set.of(Audience.PATRONS),
                subjects,
                bodies,
                REFERENCE_TYPE,
                reference,
                1);
    }

    private long countedFor(UUID reference) {
        return mailings.count(Set.of(Audience.PATRONS)).stream()
                .mapToLong(RecipientCount::count)
                .sum();
    }

    private int mails(UUID reference, String state) {
        return jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS + " WHERE reference_id = :id AND state LIKE :state")
                .param("id", reference)
                .param("state", state)
                .query(Integer.class)
                .single();
    }

    private void assertStagedCountMatches(UUID reference) {
        // The mailing's own count of recipients still staged is what the progress shows on every view.
        assertThat(jdbc.sql(
                                """
                SELECT m.pending - (SELECT count(*) FROM mailing_recipient r WHERE r.mailing_id = m.id)
                FROM mailing m WHERE m.reference_id = :id""")
                        .param("id", reference)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
