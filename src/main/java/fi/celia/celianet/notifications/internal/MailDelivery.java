package fi.celia.celianet.notifications.internal;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.Mailing;
import fi.celia.celianet.shared.CelianetProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail in batches, in three steps:
 * <ol>
 * <li>claim up to a batch of due mails ({@code FOR UPDATE SKIP LOCKED}, so several instances share the
 * queue; a person's own mail before bulk mail) and mark them SENDING under a lease, issuing their single-use
 * links in the same commit;</li>
 * <li>hand them to the SMTP server over one connection, holding no database connection;</li>
 * <li>record each outcome, retrying on a fresh connection while the database is unreachable, so a cut
 * connection does not make a mail go out twice. A refused mail is retried with exponential backoff (capped
 * at 10 minutes) until the server takes it.</li>
 * </ol>
 * Only a sender that dies between steps 2 and 3 leaves mails that are sent again when their lease runs out:
 * at most the batch in flight, counted in {@code lease_expiries}.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration RECORD_PATIENCE = Duration.ofSeconds(30);

    private static final RowMapper<Claimed> CLAIMED = (rs, n) -> new Claimed(
            rs.getObject("id", UUID.class),
            rs.getString("recipient"),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getString("link_purpose"),
            rs.getObject("link_subject_id", UUID.class),
            "SENDING".equals(rs.getString("state")));

    // JDBC: claims with FOR UPDATE SKIP LOCKED and set-wise updates of a batch by id, which JPA cannot express.
    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final CredentialTokens tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;
    private final String baseUrl;
    private final int batchSize;

    MailDelivery(
            JdbcClient jdbc,
            JavaMailSender sender,
            CredentialTokens tokens,
            PlatformTransactionManager tm,
            Clock clock,
            CelianetProperties properties) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.tokens = tokens;
        this.transactions = new TransactionTemplate(tm);
        this.clock = clock;
        this.from = properties.mail().from();
        this.baseUrl = properties.baseUrl();
        this.batchSize = properties.mail().batchSize();
    }

    @Scheduled(
            fixedDelayString = "${celianet.mail.poll-interval}",
            initialDelayString = "${celianet.mail.poll-interval}")
    public void deliverDue() {
        List<Claimed> batch;
        try {
            batch = claim();
        } catch (RuntimeException e) {
            log.warn("Mail queue could not be read: {}", e.getClass().getSimpleName());
            return;
        }
        if (!batch.isEmpty()) {
            deliver(batch);
        }
    }

    private List<Claimed> claim() {
        return transactions.execute(status -> {
            Instant now = Instant.now(clock);
            // Mails whose sender stopped before recording the outcome come first, then the queue in order of
            // priority; each query walks its own partial index, so a long queue costs no sort.
            List<Claimed> due = new ArrayList<>(jdbc.sql(
                            """
                    SELECT id, recipient, subject, body, link_purpose, link_subject_id, state FROM outbound_mail
                    WHERE state = 'SENDING' AND lease_until < :now
                    ORDER BY lease_until LIMIT :batch FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamp.from(now))
                    .param("batch", batchSize)
                    .query(CLAIMED)
                    .list());
            if (due.size() < batchSize) {
                due.addAll(jdbc.sql(
                                """
                        SELECT id, recipient, subject, body, link_purpose, link_subject_id, state FROM outbound_mail
                        WHERE state = 'QUEUED' AND next_attempt_at <= :now
                        ORDER BY priority, next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""")
                        .param("now", Timestamp.from(now))
                        .param("batch", batchSize - due.size())
                        .query(CLAIMED)
                        .list());
            }
            if (!due.isEmpty()) {
                lease(due, now);
            }
            if (due.size() < batchSize) {
                due.addAll(feed(batchSize - due.size(), now));
            }
            return due.stream().map(mail -> mail.withBody(linked(mail))).toList();
        });
    }

    /** Marks claimed mails SENDING under a lease, counting the ones whose earlier lease ran out. */
    private void lease(List<Claimed> due, Instant now) {
        jdbc.sql(
                        """
                    UPDATE outbound_mail SET lease_expiries = lease_expiries + CASE WHEN state = 'SENDING' THEN 1 ELSE 0 END,
                        state = 'SENDING', lease_until = :lease, attempts = attempts + 1
                    WHERE id = ANY(:ids)""")
                .param("lease", Timestamp.from(now.plus(LEASE)))
                .param("ids", due.stream().map(Claimed::id).toArray(UUID[]::new))
                .update();
        long resent = due.stream().filter(Claimed::leaseExpired).count();
        if (resent > 0) {
            log.warn("{} mails whose sender stopped before recording the outcome are sent again", resent);
        }
    }

    /**
     * Writes the next recipients of the oldest mailing still pending into the outbox, already claimed: each
     * staged row is deleted and its mail inserted under a lease in one statement, so a recipient is either staged
     * or in the outbox, never both nor neither; its dedupe key makes an address that already had this mailing get
     * nothing. Instances sharing the queue feed a mailing in turn, under its row's lock.
     */
    private List<Claimed> feed(int limit, Instant now) {
        // The mailing's row first, as every writer of its recipients takes it (a re-queue, a cancellation, an
        // erasure), so none of them waits for another in the opposite order; instances feed one mailing in turn.
        List<UUID> pending = jdbc.sql(
                        """
                SELECT id FROM mailing WHERE pending > 0 ORDER BY priority, created_at LIMIT 1 FOR NO KEY UPDATE""")
                .query(UUID.class)
                .list();
        if (pending.isEmpty()) {
            return List.of();
        }
        UUID mailing = pending.get(0);
        List<Claimed> fed = jdbc.sql(
                        """
                WITH next AS (
                    SELECT ctid FROM mailing_recipient WHERE mailing_id = :mailing
                    ORDER BY address LIMIT :limit FOR UPDATE SKIP LOCKED
                ), staged AS (
                    -- by the rows' own addresses: a plan no statistics can turn into a scan of the whole mailing
                    DELETE FROM mailing_recipient WHERE ctid = ANY (ARRAY(SELECT ctid FROM next))
                    RETURNING *
                ), counted AS (
                    UPDATE mailing SET pending = greatest(pending - (SELECT count(*) FROM staged), 0)
                    WHERE id = :mailing
                )
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, reference_type,
                    reference_id, state, priority, attempts, lease_until, created_at, next_attempt_at)
                SELECT gen_random_uuid(), m.dedupe_prefix || s.address, coalesce(s.email, s.address), s.language, t.subject,
                       replace(t.body, :about, coalesce(s.about, '')), m.reference_type, m.reference_id,
                       'SENDING', m.priority, 1, :lease, :now, :now
                FROM staged s JOIN mailing m ON m.id = s.mailing_id
                JOIN mailing_text t ON t.mailing_id = s.mailing_id
                    AND t.text_key = s.wording || ':'
                        || CASE WHEN s.language IN ('fi', 'sv', 'en') THEN s.language ELSE 'fi' END
                ON CONFLICT (dedupe_key) DO NOTHING
                RETURNING id, recipient, subject, body, link_purpose, link_subject_id, 'NEW' AS state""")
                .param("mailing", mailing)
                .param("limit", limit)
                .param("about", Mailing.ABOUT)
                .param("lease", Timestamp.from(now.plus(LEASE)))
                .param("now", Timestamp.from(now))
                .query(CLAIMED)
                .list();
        if (fed.isEmpty()) {
            // Nothing left to take (the count had drifted): settled, under the mailing's lock.
            jdbc.sql(
                            """
                    UPDATE mailing SET pending = 0 WHERE id = :mailing
                    AND NOT EXISTS (SELECT 1 FROM mailing_recipient WHERE mailing_id = :mailing)""")
                    .param("mailing", mailing)
                    .update();
        }
        return new ArrayList<>(fed);
    }

    private String linked(Claimed mail) {
        if (mail.linkPurpose() == null) {
            return mail.body();
        }
        TokenPurpose purpose = TokenPurpose.valueOf(mail.linkPurpose());
        String token = tokens.issue(purpose, mail.linkSubjectId());
        return mail.body().replace(Mailbox.LINK, baseUrl + purpose.path() + token);
    }

    /** Sends the batch over one connection and records which mails the server took and which it refused. */
    private void deliver(List<Claimed> batch) {
        Map<UUID, String> refused = new HashMap<>();
        List<MimeMessage> messages = new ArrayList<>();
        List<Claimed> composed = new ArrayList<>();
        for (Claimed mail : batch) {
            try {
                messages.add(compose(mail));
                composed.add(mail);
            } catch (MessagingException | RuntimeException e) {
                refused.put(mail.id(), e.getClass().getSimpleName());
            }
        }
        if (!messages.isEmpty()) {
            try {
                sender.send(messages.toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                Map<Object, Exception> failed = e.getFailedMessages();
                for (int i = 0; i < messages.size(); i++) {
                    Exception cause = failed.get(messages.get(i));
                    if (cause != null || failed.isEmpty()) {
                        refused.put(
                                composed.get(i).id(),
                                (cause != null ? cause : e).getClass().getSimpleName());
                    }
                }
            } catch (MailException e) {
                composed.forEach(mail -> refused.put(mail.id(), e.getClass().getSimpleName()));
            }
        }
        UUID[] sent = batch.stream()
                .map(Claimed::id)
                .filter(id -> !refused.containsKey(id))
                .toArray(UUID[]::new);
        if (sent.length > 0) {
            record("sent", () -> jdbc.sql(
                            """
                    UPDATE outbound_mail SET state = 'SENT', sent_at = :now, lease_until = NULL, last_error = NULL
                    WHERE id = ANY(:ids)""")
                    .param("now", Timestamp.from(Instant.now(clock)))
                    .param("ids", sent)
                    .update());
        }
        refused.forEach((id, reason) -> record("not delivered (" + reason + "); will retry", () -> {
            int attempts = jdbc.sql("SELECT attempts FROM outbound_mail WHERE id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
            long seconds = Math.min(MAX_BACKOFF.toSeconds(), (long) Math.pow(2, Math.min(attempts, 20)));
            jdbc.sql(
                            """
                    UPDATE outbound_mail SET state = 'QUEUED', lease_until = NULL, last_error = :error,
                        next_attempt_at = :next WHERE id = :id AND state = 'SENDING'""")
                    .param("error", reason)
                    .param("next", Timestamp.from(Instant.now(clock).plusSeconds(seconds)))
                    .param("id", id)
                    .update();
        }));
        if (!refused.isEmpty()) {
            log.info("{} of {} mails not delivered; they will be retried", refused.size(), batch.size());
        }
    }

    /** Records an outcome, trying again on a fresh connection while the database does not answer. */
    private void record(String what, Runnable update) {
        Instant giveUp = Instant.now().plus(RECORD_PATIENCE);
        while (true) {
            try {
                transactions.executeWithoutResult(status -> update.run());
                return;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(giveUp)) {
                    log.warn(
                            "Mails {}, but that could not be recorded ({}); they are due again when their lease ends",
                            what,
                            e.getClass().getSimpleName());
                    return;
                }
                sleep();
            }
        }
    }

    private MimeMessage compose(Claimed mail) throws MessagingException {
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress(from));
        helper.setTo(new InternetAddress(mail.recipient(), true));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        return message;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Claimed(
            UUID id,
            String recipient,
            String subject,
            String body,
            String linkPurpose,
            UUID linkSubjectId,
            boolean leaseExpired) {
        Claimed withBody(String text) {
            return new Claimed(id, recipient, subject, text, linkPurpose, linkSubjectId, leaseExpired);
        }
    }
}
