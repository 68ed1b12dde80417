package fi.celia.celianet.staff.internal;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.sealing.DataSealing.Sealed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's authenticator app, the second sign-in factor: time-based one-time codes (TOTP, RFC 6238) with the
 * parameters every authenticator app takes (HMAC-SHA1, 6 digits, 30-second steps) over a 160-bit secret. The secret
 * is sealed at rest under the data keys, the account's id its additional authenticated data. A code is accepted from
 * the current step or the one before or after it (clocks drift), and only once: the step of the last accepted code is
 * kept, and a code of that step or an earlier one is refused.
 *
 * <p>Nothing here counts failed codes: whoever asks for a code throttles the attempts.
 */
@Service
public class AuthenticatorApps {

    /** What a new authenticator app is given: its secret (base32, to type in) and the same as a URI (a QR code). */
    public record Enrolment(String secretBase32, String otpauthUri) {

        /** Never the secret. */
        @Override
        public String toString() {
            return "Enrolment[…]";
        }
    }

    static final String ISSUER = "Celianet";
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final int SECRET_BYTES = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HmacOneTimePasswordGenerator CODES = new HmacOneTimePasswordGenerator(DIGITS);

    // JdbcClient, not JPA: the answer of a verification is the row count of one conditional UPDATE (the step only
    // moves forward), and enrolment is one upsert; an entity would need a read-modify-write under a lock.
    private final JdbcClient jdbc;
    private final DataSealing sealing;
    private final Clock clock;

    AuthenticatorApps(JdbcClient jdbc, DataSealing sealing, Clock clock) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.clock = clock;
    }

    /** A new random secret for an app of the account {@code username}; nothing is stored until {@link #confirm}. */
    public Enrolment newEnrolment(String username) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String base32 = base32(secret);
        return new Enrolment(base32, otpauthUri(username, base32));
    }

    /**
     * The Key Uri Format of a secret, as authenticator apps read it from a QR code:
     * {@code otpauth://totp/Celianet:name?secret=…&issuer=Celianet&algorithm=SHA1&digits=6&period=30}.
     */
    public static String otpauthUri(String username, String secretBase32) {
        return "otpauth://totp/" + encode(ISSUER) + ":" + encode(username) + "?secret=" + secretBase32 + "&issuer="
                + encode(ISSUER) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /**
     * Stores the secret (sealed) as the account's authenticator app, replacing any earlier one, if {@code code} is a
     * code of it for the current step or the one before or after.
     *
     * @return whether the code was right, and the app stored; false for a secret that is not a 160-bit base32 secret
     */
    @Transactional
    public boolean confirm(UUID account, String secretBase32, String code) {
        byte[] secret = secretBase32 == null ? null : fromBase32(secretBase32);
        String given = digits(code);
        if (secret == null || secret.length != SECRET_BYTES || given == null) {
            return false;
        }
        long now = currentStep();
        Optional<Long> step = matchingStep(secret, given, now, -1);
        if (step.isEmpty()) {
            return false;
        }
        Sealed sealed = sealing.seal(base32(secret), account);
        jdbc.sql(
                        """
                INSERT INTO staff_authenticator_app
                    (staff_account_id, secret_sealed, secret_key, last_used_step, enrolled_at)
                VALUES (:account, :sealed, :key, :step, :now)
                ON CONFLICT (staff_account_id) DO UPDATE SET secret_sealed = excluded.secret_sealed,
                    secret_key = excluded.secret_key, last_used_step = excluded.last_used_step,
                    enrolled_at = excluded.enrolled_at""")
                .param("account", account)
                .param("sealed", sealed.bytes())
                .param("key", sealed.keyId())
                .param("step", step.get())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return true;
    }

    /**
     * Whether {@code code} is the account's app's code for the current step or the one before or after, and later
     * than the last code accepted; if so, it is the last one accepted now. Of two requests with one code at the same
     * time, one succeeds.
     *
     * @return false also for an account with no app and for anything but six digits (spaces between are ignored)
     */
    @Transactional
    public boolean verify(UUID account, String code) {
        String given = digits(code);
        if (given == null) {
            return false;
        }
        record App(Sealed secret, long lastUsedStep) {}
        Optional<App> app = jdbc.sql(
                        """
                SELECT secret_key, secret_sealed, last_used_step FROM staff_authenticator_app
                WHERE staff_account_id = :account""")
                .param("account", account)
                .query((rs, n) -> new App(new Sealed(rs.getString(1), rs.getBytes(2)), rs.getLong(3)))
                .optional();
        if (app.isEmpty()) {
            return false;
        }
        byte[] secret = fromBase32(sealing.open(app.get().secret(), account));
        if (secret == null) {
            throw new IllegalStateException("The authenticator secret of an account is not base32");
        }
        Optional<Long> step =
                matchingStep(secret, given, currentStep(), app.get().lastUsedStep());
        return step.isPresent()
                && jdbc.sql(
                                        """
                        UPDATE staff_authenticator_app SET last_used_step = :step
                        WHERE staff_account_id = :account AND last_used_step < :step""")
                                .param("step", step.get())
                                .param("account", account)
                                .update()
                        == 1;
    }

    @Transactional(readOnly = true)
    public boolean enrolled(UUID account) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_authenticator_app WHERE staff_account_id = :account)")
                .param("account", account)
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public void remove(UUID account) {
        jdbc.sql("DELETE FROM staff_authenticator_app WHERE staff_account_id = :account")
                .param("account", account)
                .update();
    }

    private long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), STEP_SECONDS);
    }

    /**
     * The step among now-1, now and now+1 whose code is {@code given} and which is after {@code after}. All three
     * codes are computed and compared in constant time, whichever matches.
     */
    private static Optional<Long> matchingStep(byte[] secret, String given, long now, long after) {
        byte[] givenBytes = given.getBytes(StandardCharsets.US_ASCII);
        Long found = null;
        for (long step = now - 1; step <= now + 1; step++) {
            boolean same = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII), givenBytes);
            if (same && step > after && found == null) {
                found = step;
            }
        }
        return Optional.ofNullable(found);
    }

    static String code(byte[] secret, long step) {
        try {
            return String.format(
                    Locale.ROOT,
                    "%0" + DIGITS + "d",
                    CODES.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), step));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 refused the key", e);
        }
    }

    /** The code without spaces if it is six ASCII digits; null otherwise. */
    private static String digits(String code) {
        if (code == null) {
            return null;
        }
        String stripped = code.replace(" ", "").replace("\u00a0", "").strip();
        if (stripped.length() != DIGITS) {
            return null;
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return stripped;
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Base32 (RFC 4648) in either case, spaces and padding ignored; null when it is not base32. */
    static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = BASE32.indexOf(clean.charAt(i));
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** Percent-encodes all but RFC 3986's unreserved characters (a space is %20, never +). */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
