package fi.celia.celianet.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.Outbox;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mailing is queued as its texts once and one narrow row per recipient; the sender writes each recipient's mail
 * into the outbox as it sends it. An erased address or a cancelled mailing reaches nobody, and the mailing's own
 * count of waiting recipients stays the number of its staged rows.
 */
class MailingStagingTest extends IntegrationTest {

    private static final String REFERENCE_TYPE = "STAGING_TEST";

    @Autowired
    Mailings mailings;

    @Autowired
    Mailbox mailbox;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aMailingIsStagedOnceWithItsTextsAndAnErasedOrCancelledRecipientIsNotMailed() {
        String kept = TestData.unique("vastaanottaja") + "@example.fi";
        String erased = TestData.unique("poistettava") + "@example.fi";
        data.patron(TestData.unique("Pysyvä Asiakas"), null, null, kept, false);
        data.patron(TestData.unique("Poistuva Asiakas"), null, null, erased, false);
        UUID reference = UUID.randomUUID();
        // One transaction, rolled back at the end: until it commits, the sender cannot see the mailing, so what
        // the test reads is what queuing, erasing and cancelling did, not how far the sender has got.
        var transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            int queued = mailings.enqueue(mailing(reference, 1));

            assertThat(queued)
                    .isEqualTo(mailings.count(Set.of(Audience.PATRONS)).stream()
                            .mapToLong(RecipientCount::count)
                            .sum())
                    .isEqualTo(staged(reference, "%"));
            assertThat(jdbc.sql("SELECT count(*) FROM mailing_text t JOIN mailing m ON m.id = t.mailing_id"
                                    + " WHERE m.reference_id = :id")
                            .param("id", reference)
                            .query(Integer.class)
                            .single())
                    .as("the texts once per wording and language, not per recipient")
                    .isEqualTo(Wording.values().length * 3);
            assertThat(mailings.progress(REFERENCE_TYPE, reference)).isEqualTo(new MailProgress(queued, 0, 0));
            assertThat(staged(reference, kept)).isOne();
            assertThat(staged(reference, erased)).isOne();
            assertThat(mailings.enqueue(mailing(reference, 1)))
                    .as("the same mailing queued again reaches nobody twice")
                    .isZero();

            mailbox.forget("PATRON", UUID.randomUUID(), List.of(erased.toUpperCase()));

            assertThat(staged(reference, erased)).isZero();
            assertThat(staged(reference, kept)).isOne();
            assertThat(mailings.progress(REFERENCE_TYPE, reference).queued()).isEqualTo(queued - 1);

            mailings.cancelQueued(REFERENCE_TYPE, reference, "staging-test");

            assertThat(staged(reference, "%")).isZero();
            assertThat(mailings.progress(REFERENCE_TYPE, reference)).isEqualTo(new MailProgress(0, 0, 0));
        });
        assertThat(staged(reference, "%")).isZero();
    }

    @Test
    void theSenderWritesEachStagedRecipientsMailInTheirLanguageAndWordingAndNoneTwice() {
        String patron = TestData.unique("Lukija.Isolla") + "@Example.fi";
        String guardian = TestData.unique("huoltaja") + "@example.fi";
        String german = TestData.unique("leser") + "@example.fi";
        String already = TestData.unique("jo-saanut") + "@example.fi";
        UUID reference = UUID.randomUUID();
        UUID mailing = UUID.randomUUID();
        String prefix = "staging-test:" + reference + ":";
        // Ahead of any other mailing (priority 0), as Mailings.enqueue writes it: the texts, the staged rows, and
        // last the count that makes the sender take them.
        jdbc.sql(
                        """
                INSERT INTO mailing (id, dedupe_prefix, reference_type, reference_id, priority, created_at, pending)
                VALUES (:id, :prefix, :type, :reference, 0, :now, 0)""")
                .param("id", mailing)
                .param("prefix", prefix)
                .param("type", REFERENCE_TYPE)
                .param("reference", reference)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        Mailing texts = mailing(reference, 0);
        for (Wording wording : Wording.values()) {
            for (String language : List.of("fi", "sv", "en")) {
                String key = Mailing.key(wording, language);
                jdbc.sql("INSERT INTO mailing_text (mailing_id, text_key, subject, body) VALUES (:id, :key, :s, :b)")
                        .param("id", mailing)
                        .param("key", key)
                        .param("s", texts.subjects().getOrDefault(key, "Tiedote"))
                        .param("b", texts.bodies().getOrDefault(key, "Tietoa asiakkaalle " + Mailing.ABOUT + "."))
                        .update();
            }
        }
        stage(mailing, patron, "sv", "PATRON", null);
        stage(mailing, guardian, "fi", "GUARDIAN", "Ville Virtanen");
        stage(mailing, german, "de", "PATRON", null);
        stage(mailing, already, "fi", "PATRON", null);
        // An address that already has this mailing in the outbox gets no second one.
        jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, reference_type,
                    reference_id, state, created_at, next_attempt_at, sent_at)
                VALUES (:id, :key, :r, 'fi', 'Tiedote', 'Jo lähetetty', :type, :reference, 'SENT', :now, :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("key", prefix + already)
                .param("r", already)
                .param("type", REFERENCE_TYPE)
                .param("reference", reference)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("UPDATE mailing SET pending = 4 WHERE id = :id")
                .param("id", mailing)
                .update();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> !TestMail.to(german).isEmpty());
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> jdbc.sql("SELECT pending FROM mailing WHERE id = :id")
                                    .param("id", mailing)
                                    .query(Integer.class)
                                    .single()
                            == 0);

            MimeMessage own = single(patron.toLowerCase());
            assertThat(own.getAllRecipients()[0].toString())
                    .as("the address as the patron wrote it")
                    .isEqualTo(patron);
            assertThat(own.getSubject()).isEqualTo("Meddelande");
            assertThat(TestMail.body(single(guardian))).contains("Tietoa huoltajalle: Ville Virtanen.");
            assertThat(single(german).getSubject())
                    .as("a language without texts reads Finnish")
                    .isEqualTo("Tiedote");
            assertThat(TestMail.to(already)).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM mailing_recipient WHERE mailing_id = :id")
                            .param("id", mailing)
                            .query(Integer.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("SELECT dedupe_key FROM outbound_mail WHERE reference_id = :id ORDER BY dedupe_key")
                            .param("id", reference)
                            .query(String.class)
                            .list())
                    .containsExactlyInAnyOrder(
                            prefix + already, prefix + german, prefix + guardian, prefix + patron.toLowerCase());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            Outbox.cancel(jdbc, reference);
        }
    }

    private void stage(UUID mailing, String email, String language, String wording, String about) {
        String address = email.toLowerCase();
        jdbc.sql(
                        """
                INSERT INTO mailing_recipient (mailing_id, address, email, language, wording, about)
                VALUES (:id, :address, nullif(:email, :address), :language, :wording, :about)""")
                .param("id", mailing)
                .param("address", address)
                .param("email", email)
                .param("language", language)
                .param("wording", wording)
                .param("about", about)
                .update();
    }

    private static MimeMessage single(String recipient) {
        List<MimeMessage> mails = TestMail.to(recipient);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static Mailing mailing(UUID reference, int priority) {
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (Wording wording : Wording.values()) {
            subjects.put(Mailing.key(wording, "fi"), "Tiedote");
            bodies.put(Mailing.key(wording, "fi"), "Tietoa asiakkaalle " + Mailing.ABOUT + ".");
        }
        subjects.put(Mailing.key(Wording.PATRON, "sv"), "Meddelande");
        bodies.put(Mailing.key(Wording.GUARDIAN, "fi"), "Tietoa huoltajalle: " + Mailing.ABOUT + ".");
        return new Mailing(
                "staging-test",
                reference.toString(),
                Set.of(Audience.PATRONS),
                subjects,
                bodies,
                REFERENCE_TYPE,
                reference,
                priority);
    }

    private long staged(UUID reference, String address) {
        return jdbc.sql(
                        """
                SELECT count(*) FROM mailing_recipient r JOIN mailing m ON m.id = r.mailing_id
                WHERE m.reference_id = :id AND r.address LIKE :address""")
                .param("id", reference)
                .param("address", address)
                .query(Long.class)
                .single();
    }
}
