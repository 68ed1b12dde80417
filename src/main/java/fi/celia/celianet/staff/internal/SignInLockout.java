package fi.celia.celianet.staff.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five failed sign-ins for a user name within 15 minutes lock that name for 15 minutes, whether or not
 * an account has it, so the lockout never tells that an account exists.
 */
@Component
public class SignInLockout {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    // JdbcClient, not JPA: the failure count is one atomic upsert (INSERT … ON CONFLICT DO UPDATE).
    private final JdbcClient jdbc;
    private final Clock clock;

    SignInLockout(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        return jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE username_key = :key AND locked_until > :now")
                        .param("key", key(username))
                        .param("now", Timestamp.from(Instant.now(clock)))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Counts a failure; returns true when the name is now locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(String username) {
        Instant now = Instant.now(clock);
        return jdbc.sql(
                        """
                INSERT INTO sign_in_failure AS f (username_key, failures, last_failure_at, locked_until)
                VALUES (:key, 1, :now, NULL)
                ON CONFLICT (username_key) DO UPDATE SET
                    failures = CASE WHEN f.last_failure_at < :windowStart THEN 1 ELSE f.failures + 1 END,
                    last_failure_at = :now,
                    locked_until = CASE
                        WHEN f.last_failure_at >= :windowStart AND f.failures + 1 >= :max THEN :lockedUntil
                        ELSE f.locked_until END
                RETURNING locked_until IS NOT NULL AND locked_until > :now""")
                .param("key", key(username))
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(LOCK)))
                .param("max", MAX_FAILURES)
                .param("lockedUntil", Timestamp.from(now.plus(LOCK)))
                .query(Boolean.class)
                .single();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String username) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE username_key = :key")
                .param("key", key(username))
                .update();
    }

    static String key(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
