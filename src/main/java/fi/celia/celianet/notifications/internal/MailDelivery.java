package fi.celia.celianet.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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
 * Sends queued mail. Each mail is claimed with {@code FOR UPDATE SKIP LOCKED} in a transaction of its
 * own, so several instances share the queue without sending a mail twice. A failure is recorded and the
 * mail retried with exponential backoff (capped at 10 minutes) until the server takes it.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

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
            Outcome outcome = deliverOne();
            if (outcome == Outcome.NONE_DUE) {
                return;
            }
        }
    }

    enum Outcome { SENT, FAILED, NONE_DUE }

    Outcome deliverOne() {
        Failure failure = new Failure();
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> {
                Instant now = Instant.now(clock);
                var due = jdbc.sql("""
                        SELECT id, recipient, subject, body, link_purpose, link_subject_id FROM outbound_mail
                        WHERE state = 'QUEUED' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                        .param("now", Timestamp.from(now))
                        .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("recipient"),
                                rs.getString("subject"), rs.getString("body"), rs.getString("link_purpose"),
                                rs.getObject("link_subject_id", UUID.class)))
                        .optional();
                if (due.isEmpty()) {
                    return Outcome.NONE_DUE;
                }
                Due mail = due.get();
                failure.id = mail.id();
                String body = mail.body();
                if (mail.linkPurpose() != null) {
                    TokenPurpose purpose = TokenPurpose.valueOf(mail.linkPurpose());
                    String token = tokens.issue(purpose, mail.linkSubjectId());
                    body = body.replace(Mailbox.LINK, baseUrl + purpose.path() + token);
                }
                send(mail.recipient(), mail.subject(), body);
                jdbc.sql("UPDATE outbound_mail SET state = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                        .param("now", Timestamp.from(Instant.now(clock))).param("id", mail.id()).update();
                return Outcome.SENT;
            });
        } catch (RuntimeException e) {
            if (failure.id == null) {
                log.warn("Mail queue could not be read: {}", e.getClass().getSimpleName());
                return Outcome.NONE_DUE;
            }
            recordFailure(failure.id, e);
            return Outcome.FAILED;
        }
        return outcome;
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

    private void recordFailure(UUID id, RuntimeException e) {
        String reason = e.getClass().getSimpleName();
        try {
            transactions.executeWithoutResult(status -> {
                int attempts = jdbc.sql("UPDATE outbound_mail SET attempts = attempts + 1, last_error = :error WHERE id = :id RETURNING attempts")
                        .param("error", reason).param("id", id).query(Integer.class).single();
                long seconds = Math.min(MAX_BACKOFF.toSeconds(), (long) Math.pow(2, Math.min(attempts, 20)));
                jdbc.sql("UPDATE outbound_mail SET next_attempt_at = :next WHERE id = :id")
                        .param("next", Timestamp.from(Instant.now(clock).plusSeconds(seconds))).param("id", id).update();
            });
            log.info("Mail {} not delivered ({}); will retry", id, reason);
        } catch (RuntimeException again) {
            log.warn("Mail {} not delivered and the failure could not be recorded: {}", id, again.getClass().getSimpleName());
        }
    }

    private record Due(UUID id, String recipient, String subject, String body, String linkPurpose, UUID linkSubjectId) {
    }

    private static final class Failure {
        UUID id;
    }

    static final class MailDeliveryException extends RuntimeException {
        MailDeliveryException(Exception cause) {
            super(cause);
        }
    }
}
