package fi.celia.celianet.staff.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling, kept in the database so every instance holds the same limits. Within a window
 * ({@code celianet.security.sign-in.window}, 15 minutes):
 *
 * <ul>
 *   <li>{@code per-name-and-address} (5) failures for one user name from one client address refuse that name from
 *       that address, whether or not an account has it, so the refusal never tells that an account exists. The
 *       same name from any other address signs in as ever: a stranger cannot keep an account out.
 *   <li>{@code per-address} (30) failures from one client address across all names refuse every name from that
 *       address (password spraying).
 * </ul>
 *
 * A refused attempt counts as a failure too, so an address that keeps trying stays refused until it has kept
 * quiet for a window.
 */
@Component
public class SignInThrottle {

    /** Why an attempt is refused. */
    public enum Refusal {
        NONE,
        NAME_AND_ADDRESS,
        ADDRESS
    }

    /** An account with many failures in the window, for the administrators' notice. */
    public record Target(String username, int failures) {}

    // JdbcClient, not JPA: counts and inserts are single statements over an append-only table.
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;
    private final int perNameAndAddress;
    private final int perAddress;
    private final int noticeThreshold;

    SignInThrottle(
            JdbcClient jdbc,
            Clock clock,
            @Value("${celianet.security.sign-in.window}") Duration window,
            @Value("${celianet.security.sign-in.per-name-and-address}") int perNameAndAddress,
            @Value("${celianet.security.sign-in.per-address}") int perAddress,
            @Value("${celianet.security.sign-in.notice-threshold}") int noticeThreshold) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
        this.perNameAndAddress = perNameAndAddress;
        this.perAddress = perAddress;
        this.noticeThreshold = noticeThreshold;
    }

    /** Whether an attempt for this name from this address is refused before its password is looked at. */
    @Transactional(readOnly = true)
    public Refusal check(String username, String address) {
        Instant now = Instant.now(clock);
        return jdbc.sql(
                        """
                SELECT count(*) FILTER (WHERE username_key = :key) AS by_name, count(*) AS by_address
                FROM sign_in_attempt WHERE address = :address AND failed_at > :since""")
                .param("key", key(username))
                .param("address", address)
                .param("since", Timestamp.from(now.minus(window)))
                .query((rs, row) -> refusal(rs.getInt("by_name"), rs.getInt("by_address")))
                .single();
    }

    private Refusal refusal(int byName, int byAddress) {
        if (byAddress >= perAddress) {
            return Refusal.ADDRESS;
        }
        return byName >= perNameAndAddress ? Refusal.NAME_AND_ADDRESS : Refusal.NONE;
    }

    /** Counts a failed or refused attempt; returns whether the next attempt from there is refused. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Refusal recordFailure(String username, String address) {
        Instant now = Instant.now(clock);
        jdbc.sql("DELETE FROM sign_in_attempt WHERE failed_at < :expired")
                .param("expired", Timestamp.from(now.minus(window.multipliedBy(4))))
                .update();
        jdbc.sql("INSERT INTO sign_in_attempt (username_key, address, failed_at) VALUES (:key, :address, :now)")
                .param("key", key(username))
                .param("address", address)
                .param("now", Timestamp.from(now))
                .update();
        return check(username, address);
    }

    /** Forgets the failures for a name from one address (a successful sign-in from there). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String username, String address) {
        jdbc.sql("DELETE FROM sign_in_attempt WHERE username_key = :key AND address = :address")
                .param("key", key(username))
                .param("address", address)
                .update();
    }

    /** Forgets the failures for a name from every address (an administrator unlocks, a new password is set). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String username) {
        jdbc.sql("DELETE FROM sign_in_attempt WHERE username_key = :key")
                .param("key", key(username))
                .update();
    }

    /** Whether the name is refused from some address now. */
    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        return jdbc.sql(
                                """
                SELECT count(*) FROM (
                    SELECT address FROM sign_in_attempt WHERE username_key = :key AND failed_at > :since
                    GROUP BY address HAVING count(*) >= :max) refused""")
                        .param("key", key(username))
                        .param("since", Timestamp.from(Instant.now(clock).minus(window)))
                        .param("max", perNameAndAddress)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Those of the user names that are refused now, as {@link #isLocked} decides for each: one query for a whole list
     * of accounts, over the recent attempts only.
     */
    @Transactional(readOnly = true)
    public Set<String> lockedAmong(Collection<String> usernames) {
        Set<String> keys = new HashSet<>(jdbc.sql(
                        """
                SELECT DISTINCT username_key FROM sign_in_attempt WHERE failed_at > :since
                GROUP BY username_key, address HAVING count(*) >= :max""")
                .param("since", Timestamp.from(Instant.now(clock).minus(window)))
                .param("max", perNameAndAddress)
                .query(String.class)
                .list());
        Set<String> locked = new HashSet<>();
        for (String username : usernames) {
            if (!keys.isEmpty() && keys.contains(key(username))) {
                locked.add(username);
            }
        }
        return locked;
    }

    /**
     * The accounts with at least {@code notice-threshold} (20) failed or refused sign-ins in the window, from any
     * addresses, most first. Only names of accounts are shown: the key is matched against each account's name.
     */
    @Transactional(readOnly = true)
    public List<Target> targets() {
        Map<String, Integer> failuresByKey = jdbc
                .sql(
                        """
                        SELECT username_key, count(*) AS failures FROM sign_in_attempt WHERE failed_at > :since
                        GROUP BY username_key HAVING count(*) >= :threshold""")
                .param("since", Timestamp.from(Instant.now(clock).minus(window)))
                .param("threshold", noticeThreshold)
                .query((rs, row) -> Map.entry(rs.getString("username_key"), rs.getInt("failures")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (failuresByKey.isEmpty()) {
            // as on almost every view of the home page: no account's name needs to be matched
            return List.of();
        }
        return jdbc
                .sql(
                        """
                        SELECT username FROM staff_account
                        WHERE encode(sha256(convert_to(lower(btrim(username)), 'UTF8')), 'hex') IN (:keys)""")
                .param("keys", failuresByKey.keySet())
                .query(String.class)
                .list()
                .stream()
                .map(username -> new Target(username, failuresByKey.get(key(username))))
                .sorted(Comparator.comparingInt(Target::failures).reversed().thenComparing(Target::username))
                .toList();
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
