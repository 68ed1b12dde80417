package fi.celia.celianet.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail, one at a time, in three steps:
 * <ol>
 * <li>claim a due mail ({@code FOR UPDATE SKIP LOCKED}, so several instances share the queue) and mark it
 * SENDING under a lease, issuing its single-use link in the same commit;</li>
 * <li>hand it to the SMTP server, holding no database connection;</li>
 * <li>record the outcome, retrying on a fresh connection while the database is unreachable, so a cut
 * connection does not make the mail go out twice. A failed send is retried with exponential backoff
 * (capped at 10 minutes) until the server takes it.</li>
 * </ol>
 * Only a sender that dies between steps 2 and 3 leaves a mail that is sent again when its lease runs out.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration RECORD_PATIENCE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final CredentialTokens tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;
    private final String baseUrl;
    private final int batchSize;

    MailDelivery(JdbcClient jdbc, JavaMailSender sender, CredentialTokens tokens, PlatformTransactionManager tm,
            Clock clock, @Value("${celianet.mail.from}") String from, @Value("${celianet.base-url}") String baseUrl,
            @Value("${celianet.mail.batch-size:50}") int batchSize) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.tokens = tokens;
        this.transactions = new TransactionTemplate(tm);
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${celianet.mail.poll-interval:2s}", initialDelayString = "${celianet.mail.poll-interval:2s}")
    public void deliverDue() {
        for (int i = 0; i < batchSize; i++) {
            Optional<Claimed> claimed;
            try {
                claimed = claim();
            } catch (RuntimeException e) {
                log.warn("Mail queue could not be read: {}", e.getClass().getSimpleName());
                return;
            }
            if (claimed.isEmpty()) {
                return;
            }
            deliver(claimed.get());
        }
    }

    private Optional<Claimed> claim() {
        return transactions.execute(status -> {
            Instant now = Instant.now(clock);
            Optional<Claimed> due = jdbc.sql("""
                    SELECT id, recipient, subject, body, link_purpose, link_subject_id FROM outbound_mail
                    WHERE (state = 'QUEUED' AND next_attempt_at <= :now) OR (state = 'SENDING' AND lease_until < :now)
                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("body"), rs.getString("link_purpose"),
                            rs.getObject("link_subject_id", UUID.class)))
                    .optional();
            due.ifPresent(mail -> jdbc.sql("""
                    UPDATE outbound_mail SET state = 'SENDING', lease_until = :lease, attempts = attempts + 1
                    WHERE id = :id""").param("lease", Timestamp.from(now.plus(LEASE))).param("id", mail.id()).update());
            return due.map(mail -> mail.withBody(linked(mail)));
        });
    }

    private String linked(Claimed mail) {
        if (mail.linkPurpose() == null) {
            return mail.body();
        }
        TokenPurpose purpose = TokenPurpose.valueOf(mail.linkPurpose());
        String token = tokens.issue(purpose, mail.linkSubjectId());
        return mail.body().replace(Mailbox.LINK, baseUrl + purpose.path() + token);
    }

    private void deliver(Claimed mail) {
        try {
            send(mail.recipient(), mail.subject(), mail.body());
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName();
            record(mail.id(), "not delivered (" + reason + "); will retry", id -> {
                int attempts = jdbc.sql("SELECT attempts FROM outbound_mail WHERE id = :id").param("id", id)
                        .query(Integer.class).single();
                long seconds = Math.min(MAX_BACKOFF.toSeconds(), (long) Math.pow(2, Math.min(attempts, 20)));
                jdbc.sql("""
                        UPDATE outbound_mail SET state = 'QUEUED', lease_until = NULL, last_error = :error,
                            next_attempt_at = :next WHERE id = :id AND state = 'SENDING'""")
                        .param("error", reason).param("next", Timestamp.from(Instant.now(clock).plusSeconds(seconds)))
                        .param("id", id).update();
            });
            return;
        }
        record(mail.id(), "sent", id -> jdbc.sql("""
                UPDATE outbound_mail SET state = 'SENT', sent_at = :now, lease_until = NULL, last_error = NULL
                WHERE id = :id""").param("now", Timestamp.from(Instant.now(clock))).param("id", id).update());
    }

    /** Records an outcome, trying again on a fresh connection while the database does not answer. */
    private void record(UUID id, String what, Consumer<UUID> update) {
        Instant giveUp = Instant.now().plus(RECORD_PATIENCE);
        while (true) {
            try {
                transactions.executeWithoutResult(status -> update.accept(id));
                log.debug("Mail {} {}", id, what);
                return;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(giveUp)) {
                    log.warn("Mail {} {}, but that could not be recorded ({}); it is due again when its lease ends",
                            id, what, e.getClass().getSimpleName());
                    return;
                }
                sleep();
            }
        }
    }

    private void send(String recipient, String subject, String body) {
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(from));
            helper.setTo(new InternetAddress(recipient, true));
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
        } catch (jakarta.mail.MessagingException e) {
            throw new MailDeliveryException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Claimed(UUID id, String recipient, String subject, String body, String linkPurpose, UUID linkSubjectId) {
        Claimed withBody(String text) {
            return new Claimed(id, recipient, subject, text, linkPurpose, linkSubjectId);
        }
    }

    static final class MailDeliveryException extends RuntimeException {
        MailDeliveryException(Exception cause) {
            super(cause);
        }
    }
}
