package fi.celia.celianet.staff.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's recovery codes: ten single-use codes that stand in for the authenticator app when it is lost.
 * A code is four groups of four characters ({@code abcd-efgh-jkmn-pqrs}) from 31 that are not mistaken for each
 * other (no 0, o, 1, i or l), about 79 random bits; typed back, case, spaces and dashes do not matter. Codes are
 * shown once, when issued, and kept only as password hashes (the application's {@link PasswordEncoder}, Argon2 and
 * salted), since they are short of the 112 bits a fast hash would need.
 */
@Service
public class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    // JdbcClient, not JPA: spending a code is one conditional UPDATE (used_at IS NULL) whose row count is the
    // answer, and issuing is a delete and ten inserts.
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    RecoveryCodes(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * Ten new codes for the account, replacing any it had (used or not).
     *
     * @return the codes as shown to the staff member, {@code abcd-efgh-jkmn-pqrs}; they are not kept anywhere
     */
    @Transactional
    public List<String> issue(UUID account) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder(GROUPS * GROUP_LENGTH);
            for (int i = 0; i < GROUPS * GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        jdbc.sql("DELETE FROM staff_recovery_code WHERE staff_account_id = :account")
                .param("account", account)
                .update();
        Timestamp now = Timestamp.from(clock.instant());
        List<String> shown = new ArrayList<>(COUNT);
        for (String code : codes) {
            jdbc.sql(
                            """
                    INSERT INTO staff_recovery_code (id, staff_account_id, code_hash, created_at)
                    VALUES (:id, :account, :hash, :now)""")
                    .param("id", UUID.randomUUID())
                    .param("account", account)
                    .param("hash", encoder.encode(code))
                    .param("now", now)
                    .update();
            shown.add(grouped(code));
        }
        return shown;
    }

    /**
     * Spends the account's unused code that {@code code} is, if any. Of two requests with one code at the same time,
     * one succeeds.
     *
     * @return whether the code was one of the account's unused codes (now used)
     */
    @Transactional
    public boolean use(UUID account, String code) {
        String given = normalised(code);
        if (given == null) {
            return false;
        }
        record Stored(UUID id, String hash) {}
        List<Stored> unused = jdbc.sql(
                        """
                SELECT id, code_hash FROM staff_recovery_code
                WHERE staff_account_id = :account AND used_at IS NULL ORDER BY created_at, id""")
                .param("account", account)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        for (Stored stored : unused) {
            if (encoder.matches(given, stored.hash())) {
                return jdbc.sql(
                                        """
                        UPDATE staff_recovery_code SET used_at = :now WHERE id = :id AND used_at IS NULL""")
                                .param("now", Timestamp.from(clock.instant()))
                                .param("id", stored.id())
                                .update()
                        == 1;
            }
        }
        return false;
    }

    /** How many of the account's codes are unused. */
    @Transactional(readOnly = true)
    public int remaining(UUID account) {
        return jdbc.sql(
                        "SELECT count(*) FROM staff_recovery_code WHERE staff_account_id = :account AND used_at IS NULL")
                .param("account", account)
                .query(Integer.class)
                .single();
    }

    @Transactional
    public void remove(UUID account) {
        jdbc.sql("DELETE FROM staff_recovery_code WHERE staff_account_id = :account")
                .param("account", account)
                .update();
    }

    /** The code in lower case without spaces and dashes, if it can be a code; null otherwise. */
    private static String normalised(String code) {
        if (code == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(GROUPS * GROUP_LENGTH);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            char lower = Character.toLowerCase(c);
            if (ALPHABET.indexOf(lower) < 0 || out.length() == GROUPS * GROUP_LENGTH) {
                return null;
            }
            out.append(lower);
        }
        return out.length() == GROUPS * GROUP_LENGTH ? out.toString() : null;
    }

    private static String grouped(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i += GROUP_LENGTH) {
            if (i > 0) {
                out.append('-');
            }
            out.append(code, i, i + GROUP_LENGTH);
        }
        return out.toString();
    }
}
