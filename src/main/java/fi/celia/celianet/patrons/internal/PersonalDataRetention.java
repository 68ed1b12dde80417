package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.shared.CelianetProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes personal data that has served its purpose, nightly, on one instance at a time (ShedLock): blanks sent
 * mails, deletes spent credential tokens and registration submission keys, expired kept searches and take-over
 * grants, and erases patrons closed longer than kept. The periods are {@code celianet.retention.*}. Each step works
 * a batch at a time, every batch its own transaction, so a long backlog never holds one giant transaction. What was
 * removed is audited once, as counts: never what the rows held.
 */
@Component
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final Mailbox mailbox;
    private final CredentialTokens tokens;
    private final PatronLifecycle lifecycle;
    private final AuditLog audit;
    // JdbcClient, not JPA: set-wise deletes of rows nobody reads one by one, and a list of ids to erase.
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CelianetProperties.Retention retention;

    PersonalDataRetention(
            Mailbox mailbox,
            CredentialTokens tokens,
            PatronLifecycle lifecycle,
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock,
            CelianetProperties properties) {
        this.mailbox = mailbox;
        this.tokens = tokens;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /** What one run removed. */
    public record Purged(int mails, int tokens, int submissions, int searches, int patrons) {

        String details() {
            return "mail " + mails + ", tokens " + tokens + ", submissions " + submissions + ", searches " + searches
                    + ", patrons " + patrons;
        }
    }

    @Scheduled(cron = "${celianet.retention.cron}", zone = "Europe/Helsinki")
    @SchedulerLock(name = "personal-data-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    public void run() {
        purge();
    }

    /** One run, without the lock. @return what it removed */
    public Purged purge() {
        Instant now = Instant.now(clock);
        int batch = retention.batchSize();
        int mails = mailbox.blankSentBefore(now.minus(retention.sentMail()), batch);
        Instant spent = now.minus(retention.spentTokens());
        int spentTokens = tokens.deleteSpentBefore(spent, batch);
        // A submission key only makes a registration form exactly-once; it is spent as soon as it is written.
        int submissions = deleteInBatches(
                """
                DELETE FROM patron_submission WHERE ctid IN (SELECT ctid FROM patron_submission
                    WHERE created_at < :cutoff LIMIT :batch)""",
                spent,
                batch);
        // Deleting a kept search deletes its patrons and its take-over grant (ON DELETE CASCADE).
        int searches = deleteInBatches(
                "DELETE FROM kept_search WHERE id IN (SELECT id FROM kept_search WHERE expires_at < :cutoff LIMIT :batch)",
                now,
                batch);
        deleteInBatches(
                """
                DELETE FROM takeover_grant WHERE id IN (SELECT id FROM takeover_grant
                    WHERE expires_at < :cutoff LIMIT :batch)""",
                now,
                batch);
        int patrons = eraseClosedBefore(now.minus(retention.closedPatrons()), batch);
        Purged purged = new Purged(mails, spentTokens, submissions, searches, patrons);
        audit.success("system", AuditEvent.RETENTION_PURGED, null, null, purged.details());
        log.info("Personal data retention: {}", purged.details());
        return purged;
    }

    private int deleteInBatches(String sql, Instant cutoff, int batch) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(sql)
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("batch", batch)
                    .update();
            total += deleted;
        } while (deleted == batch);
        return total;
    }

    /** Through the erasure staff use, one patron per transaction; a patron that fails is left for the next run. */
    private int eraseClosedBefore(Instant cutoff, int batch) {
        int erased = 0;
        UUID after = new UUID(0, 0); // the least uuid as PostgreSQL orders them
        List<UUID> ids;
        do {
            ids = jdbc.sql(
                            """
                    SELECT id FROM patron WHERE status = 'CLOSED' AND closed_at < :cutoff AND id > :after
                    ORDER BY id LIMIT :batch""")
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("after", after)
                    .param("batch", batch)
                    .query(UUID.class)
                    .list();
            for (UUID id : ids) {
                try {
                    erased += lifecycle.eraseExpired(id) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Could not erase patron {} closed before {}", id, cutoff, e);
                }
                after = id;
            }
        } while (ids.size() == batch);
        return erased;
    }
}
