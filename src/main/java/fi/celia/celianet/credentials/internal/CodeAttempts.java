package fi.celia.celianet.credentials.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles wrong short codes. A client (by its address) with {@value #PER_CLIENT} failures in the last 15 minutes is
 * refused until the oldest of them is 15 minutes old. Past {@value #OVERALL} failures in an hour from everyone,
 * every answer of the code page slows down by {@link #FLOOD_DELAY} and the administrators are alerted once an
 * hour (an audit record {@code ACTIVATION_CODE_FLOOD} and a WARN log line), but nobody is refused for what others
 * did. Not JPA: append-only counters, counted set-wise.
 */
@Component
public class CodeAttempts {

    static final int PER_CLIENT = 10;
    static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);
    static final int OVERALL = 1000;
    static final Duration OVERALL_WINDOW = Duration.ofHours(1);
    static final Duration FLOOD_DELAY = Duration.ofMillis(750);

    private static final Logger LOG = LoggerFactory.getLogger(CodeAttempts.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CodeAttempts(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the client has used up its failures for now. */
    @Transactional(readOnly = true)
    public boolean refused(String client) {
        return jdbc.sql(
                                "SELECT count(*) FROM activation_code_failure WHERE client_address = :client AND failed_at > :since")
                        .param("client", client)
                        .param("since", Timestamp.from(Instant.now(clock).minus(CLIENT_WINDOW)))
                        .query(Integer.class)
                        .single()
                >= PER_CLIENT;
    }

    /** Records a wrong code of the client; alerts the administrators when everyone's failures pass the limit. */
    @Transactional
    public void failed(String client) {
        Instant now = Instant.now(clock);
        jdbc.sql("INSERT INTO activation_code_failure (client_address, failed_at) VALUES (:client, :now)")
                .param("client", client)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("DELETE FROM activation_code_failure WHERE failed_at < :old")
                .param("old", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        if (flooded(now) && claimAlert(now)) {
            LOG.warn("More than {} wrong activation codes in the last hour: answers slowed down", OVERALL);
            audit.record(
                    "system",
                    AuditEvent.ACTIVATION_CODE_FLOOD,
                    "ACTIVATION_CODE",
                    null,
                    AuditOutcome.FAILURE,
                    "more than " + OVERALL + " wrong codes in an hour");
        }
    }

    /** Slows the answer down while everyone's failures are past the limit. */
    public void slowDownIfFlooded() {
        if (flooded(Instant.now(clock))) {
            try {
                Thread.sleep(FLOOD_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean flooded(Instant now) {
        return jdbc.sql("SELECT count(*) FROM activation_code_failure WHERE failed_at > :since")
                        .param("since", Timestamp.from(now.minus(OVERALL_WINDOW)))
                        .query(Integer.class)
                        .single()
                > OVERALL;
    }

    /** @return true for the one caller an hour that gets to raise the alert */
    private boolean claimAlert(Instant now) {
        return jdbc.sql(
                                """
                INSERT INTO activation_code_alert (id, alerted_at) VALUES (1, :now)
                ON CONFLICT (id) DO UPDATE SET alerted_at = EXCLUDED.alerted_at
                WHERE activation_code_alert.alerted_at < :hourAgo""")
                        .param("now", Timestamp.from(now))
                        .param("hourAgo", Timestamp.from(now.minus(OVERALL_WINDOW)))
                        .update()
                == 1;
    }
}
