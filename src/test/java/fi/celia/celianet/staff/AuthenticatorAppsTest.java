package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.zaxxer.hikari.HikariDataSource;
import fi.celia.celianet.CelianetApplication;
import fi.celia.celianet.sealing.DataKeys;
import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.staff.internal.AuthenticatorApps;
import fi.celia.celianet.support.DatabaseScan;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The authenticator app, the staff's second sign-in factor: codes that java-otp (as an authenticator app would)
 * makes from the enrolment's secret are accepted within a step of the clock, once each and only in increasing
 * order; the secret is sealed at rest and survives {@code rotate-keys}.
 */
class AuthenticatorAppsTest extends IntegrationTest {

    /** Ten seconds into a 30-second step. */
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:10Z");

    private static final long STEP = NOW.getEpochSecond() / 30;

    @Autowired
    SecondFactorRoles roles;

    @Autowired
    AuthenticatorApps apps;

    @Autowired
    HikariDataSource dataSource;

    private StaffAccount account() {
        return data.account(Role.STAFF, null);
    }

    /** The code an authenticator app shows at {@code at}, made by java-otp from the secret as the app reads it. */
    private static String code(String secretBase32, Instant at) throws Exception {
        return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
                .generateOneTimePasswordString(new SecretKeySpec(base32(secretBase32), "HmacSHA1"), at, Locale.ROOT);
    }

    /** An app enrolled ten minutes before {@link #NOW}, with the clock then left at {@link #NOW}. */
    private String enrolledBefore(UUID account, String username) throws Exception {
        Instant then = NOW.minus(Duration.ofMinutes(10));
        clock.set(then);
        var enrolment = apps.newEnrolment(username);
        assertThat(apps.confirm(account, enrolment.secretBase32(), code(enrolment.secretBase32(), then)))
                .isTrue();
        clock.set(NOW);
        return enrolment.secretBase32();
    }

    private Long lastUsedStep(UUID account) {
        return jdbc.sql("SELECT last_used_step FROM staff_authenticator_app WHERE staff_account_id = :account")
                .param("account", account)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Test
    void anEnrolmentIsANewRandom160BitSecretAndTheKeyUriAuthenticatorAppsRead() {
        var first = apps.newEnrolment("anna.virtanen");
        var second = apps.newEnrolment("anna.virtanen");

        assertThat(first.secretBase32()).matches("[A-Z2-7]{32}");
        assertThat(base32(first.secretBase32())).hasSize(20);
        assertThat(second.secretBase32()).isNotEqualTo(first.secretBase32());
        assertThat(first.otpauthUri())
                .isEqualTo("otpauth://totp/Celianet:anna.virtanen?secret=" + first.secretBase32()
                        + "&issuer=Celianet&algorithm=SHA1&digits=6&period=30");
        assertThat(apps.newEnrolment("liisa ö@kirjasto.fi").otpauthUri())
                .startsWith("otpauth://totp/Celianet:liisa%20%C3%B6%40kirjasto.fi?secret=");
        assertThat(first.toString()).doesNotContain(first.secretBase32());
    }

    @Test
    void codesOfThePreviousCurrentAndNextStepAreEachAcceptedOnAFreshEnrolment() throws Exception {
        for (int offset = -1; offset <= 1; offset++) {
            var account = account();
            String secret = enrolledBefore(account.getId(), account.getUsername());
            assertThat(apps.verify(account.getId(), code(secret, NOW.plusSeconds(30L * offset))))
                    .as("the code of step %+d", offset)
                    .isTrue();
            assertThat(lastUsedStep(account.getId())).isEqualTo(STEP + offset);
        }
    }

    @Test
    void codesOfThePreviousCurrentAndNextStepAreAcceptedInIncreasingOrderAndNoneAgain() throws Exception {
        var account = account();
        String secret = enrolledBefore(account.getId(), account.getUsername());
        List<String> codes =
                List.of(code(secret, NOW.minusSeconds(30)), code(secret, NOW), code(secret, NOW.plusSeconds(30)));

        for (String code : codes) {
            assertThat(apps.verify(account.getId(), code)).isTrue();
        }
        assertThat(lastUsedStep(account.getId())).isEqualTo(STEP + 1);
        for (String code : codes) {
            assertThat(apps.verify(account.getId(), code))
                    .as("a used code again")
                    .isFalse();
        }
        // the next step's code, once the clock has moved on to it
        clock.advance(Duration.ofSeconds(30));
        assertThat(apps.verify(account.getId(), code(secret, NOW.plusSeconds(60))))
                .isTrue();
    }

    @Test
    void codesTwoStepsAwayAreRefused() throws Exception {
        var account = account();
        String secret = enrolledBefore(account.getId(), account.getUsername());
        Set<String> window =
                Set.of(code(secret, NOW.minusSeconds(30)), code(secret, NOW), code(secret, NOW.plusSeconds(30)));
        for (Instant at : List.of(NOW.minusSeconds(60), NOW.plusSeconds(60), NOW.minusSeconds(300))) {
            String code = code(secret, at);
            if (!window.contains(code)) { // one in a few hundred thousand, two steps share a code
                assertThat(apps.verify(account.getId(), code))
                        .as("the code of %s", at)
                        .isFalse();
            }
        }
        assertThat(lastUsedStep(account.getId())).isEqualTo((NOW.getEpochSecond() - 600) / 30);
        assertThat(apps.verify(account.getId(), code(secret, NOW))).isTrue();
    }

    @Test
    void anEarlierStepAfterALaterOneIsRefused() throws Exception {
        var account = account();
        String secret = enrolledBefore(account.getId(), account.getUsername());

        assertThat(apps.verify(account.getId(), code(secret, NOW))).isTrue();
        assertThat(apps.verify(account.getId(), code(secret, NOW.minusSeconds(30))))
                .isFalse();
        assertThat(apps.verify(account.getId(), code(secret, NOW))).isFalse();
        assertThat(lastUsedStep(account.getId())).isEqualTo(STEP);
    }

    @Test
    void aWrongCodeAndAnythingButSixDigitsAreRefusedWithoutSpendingTheRightOne() throws Exception {
        var account = account();
        String secret = enrolledBefore(account.getId(), account.getUsername());
        String right = code(secret, NOW);
        Set<String> window = Set.of(code(secret, NOW.minusSeconds(30)), right, code(secret, NOW.plusSeconds(30)));
        String wrong = notIn(window, right);
        String fullWidth = right.chars()
                .map(c -> c - '0' + '０')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        List<String> refused = new ArrayList<>(List.of(
                wrong,
                "",
                "      ",
                "abcdef",
                right.substring(0, 5) + "x",
                right.substring(0, 5),
                right + "0",
                "0" + right,
                "-" + right.substring(1),
                "+" + right.substring(1),
                right.substring(0, 3) + "-" + right.substring(3),
                fullWidth,
                "１２３４５６",
                "٠١٢٣٤٥"));
        refused.add(null);
        for (String code : refused) {
            assertThat(apps.verify(account.getId(), code)).as("%s", code).isFalse();
        }
        assertThat(lastUsedStep(account.getId())).isEqualTo((NOW.getEpochSecond() - 600) / 30);
        // the right code, as an app shows it (two groups of three), is still accepted
        assertThat(apps.verify(account.getId(), right.substring(0, 3) + " " + right.substring(3)))
                .isTrue();
    }

    @Test
    void anAccountWithoutAnAppIsRefusedAndNotEnrolled() {
        var account = account();
        assertThat(apps.enrolled(account.getId())).isFalse();
        assertThat(apps.verify(account.getId(), "123456")).isFalse();
    }

    @Test
    void confirmWithAWrongCodeOrABrokenSecretStoresNothing() throws Exception {
        var account = account();
        clock.set(NOW);
        var enrolment = apps.newEnrolment(account.getUsername());
        String right = code(enrolment.secretBase32(), NOW);
        String wrong = notIn(
                Set.of(
                        code(enrolment.secretBase32(), NOW.minusSeconds(30)),
                        right,
                        code(enrolment.secretBase32(), NOW.plusSeconds(30))),
                right);

        assertThat(apps.confirm(account.getId(), enrolment.secretBase32(), wrong))
                .isFalse();
        assertThat(apps.confirm(
                        account.getId(),
                        enrolment.secretBase32(),
                        code(enrolment.secretBase32(), NOW.minusSeconds(60))))
                .isFalse();
        assertThat(apps.confirm(account.getId(), enrolment.secretBase32(), "not a code"))
                .isFalse();
        // a secret not of 160 bits (a forged form field), even with its right code
        String shortSecret = "JBSWY3DPEHPK3PXP";
        assertThat(apps.confirm(account.getId(), shortSecret, code(shortSecret, NOW)))
                .isFalse();
        assertThat(apps.confirm(account.getId(), "not base32 at all 0189", right))
                .isFalse();
        assertThat(apps.confirm(account.getId(), null, right)).isFalse();

        assertThat(apps.enrolled(account.getId())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM staff_authenticator_app WHERE staff_account_id = :account")
                        .param("account", account.getId())
                        .query(Integer.class)
                        .single())
                .isZero();

        // the right code, typed in lower case secret as the form may send it back, enrols
        assertThat(apps.confirm(account.getId(), enrolment.secretBase32().toLowerCase(Locale.ROOT), right))
                .isTrue();
        assertThat(apps.enrolled(account.getId())).isTrue();
        assertThat(lastUsedStep(account.getId())).isEqualTo(STEP);
        // the code that enrolled is used
        assertThat(apps.verify(account.getId(), right)).isFalse();
    }

    @Test
    void aNewAppReplacesTheEarlierOneAndRemovalLeavesNone() throws Exception {
        var account = account();
        String old = enrolledBefore(account.getId(), account.getUsername());
        String replacement = enrolledBefore(account.getId(), account.getUsername());
        clock.set(NOW);

        assertThat(jdbc.sql("SELECT count(*) FROM staff_authenticator_app WHERE staff_account_id = :account")
                        .param("account", account.getId())
                        .query(Integer.class)
                        .single())
                .isOne();
        if (!code(old, NOW).equals(code(replacement, NOW))) {
            assertThat(apps.verify(account.getId(), code(old, NOW))).isFalse();
        }
        assertThat(apps.verify(account.getId(), code(replacement, NOW))).isTrue();

        apps.remove(account.getId());
        assertThat(apps.enrolled(account.getId())).isFalse();
        assertThat(apps.verify(account.getId(), code(replacement, NOW.plusSeconds(30))))
                .isFalse();
    }

    @Test
    void theSecretIsSealedAndInNoColumnOfAnyTable() throws Exception {
        var account = account();
        String secret = enrolledBefore(account.getId(), account.getUsername());

        var row = jdbc.sql(
                        """
                SELECT octet_length(secret_sealed) AS sealed_length, secret_key, secret_sealed,
                    position(:raw IN secret_sealed) AS raw_at
                FROM staff_authenticator_app WHERE staff_account_id = :account""")
                .param("raw", base32(secret))
                .param("account", account.getId())
                .query()
                .singleRow();
        // a 12-byte nonce, the 32 characters sealed, a 16-byte tag, under the test key
        assertThat(row.get("sealed_length")).isEqualTo(12 + 32 + 16);
        assertThat(row.get("secret_key")).isEqualTo("test");
        assertThat(row.get("raw_at")).isEqualTo(0);
        assertThat(TestSealing.SEALING.open(
                        new DataSealing.Sealed((String) row.get("secret_key"), (byte[]) row.get("secret_sealed")),
                        account.getId()))
                .isEqualTo(secret);

        assertThat(DatabaseScan.whereFound(
                        jdbc,
                        Set.of(
                                secret,
                                secret.substring(0, 16),
                                secret.substring(16),
                                Base64.getEncoder().encodeToString(base32(secret)))))
                .as("columns holding the authenticator secret")
                .isEmpty();
    }

    @Test
    void ofTwoSimultaneousSubmissionsOfOneCodeExactlyOneIsAccepted() throws Exception {
        var account = account();
        String secret = enrolledBefore(account.getId(), account.getUsername());
        int rounds = 5;
        int threads = 4;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                clock.set(NOW.plusSeconds(30L * round));
                String code = code(secret, clock.instant());
                var start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return apps.verify(account.getId(), code);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (var result : results) {
                    accepted += result.get() ? 1 : 0;
                }
                assertThat(accepted).as("round %d", round).isOne();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lastUsedStep(account.getId())).isEqualTo(STEP + rounds - 1);
    }

    @Test
    void afterRotateKeysRetiresTheOldKeyAFreshCodeIsStillAccepted() throws Exception {
        var account = account();
        // the secret sealed under a key the application (which knows only the tests' keys) no longer has
        String secret = apps.newEnrolment(account.getUsername()).secretBase32();
        var random = new SecureRandom();
        byte[] seal = new byte[32];
        byte[] index = new byte[32];
        random.nextBytes(seal);
        random.nextBytes(index);
        String oldKeys = "seal:totp-old:" + Base64.getEncoder().encodeToString(seal) + ",index:totp-old:"
                + Base64.getEncoder().encodeToString(index);
        var sealed = DataSealing.with(DataKeys.parse(oldKeys)).seal(secret, account.getId());
        jdbc.sql(
                        """
                INSERT INTO staff_authenticator_app
                    (staff_account_id, secret_sealed, secret_key, last_used_step, enrolled_at)
                VALUES (:account, :sealed, :key, :step, :at)""")
                .param("account", account.getId())
                .param("sealed", sealed.bytes())
                .param("key", sealed.keyId())
                .param("step", STEP - 20)
                .param("at", Timestamp.from(NOW.minus(Duration.ofMinutes(10))))
                .update();
        assertThat(sealed.keyId()).isEqualTo("totp-old");

        // rotate-keys with the tests' keys first and the old ones after them, as the README says to set them
        assertThat(CelianetApplication.rotateKeys(
                        "--celianet.data-keys=" + DataKeys.TEST_KEYS + "," + oldKeys,
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                        "--spring.datasource.username=" + dataSource.getUsername(),
                        "--spring.datasource.password=" + dataSource.getPassword()))
                .isZero();

        assertThat(jdbc.sql("SELECT secret_key FROM staff_authenticator_app WHERE staff_account_id = :account")
                        .param("account", account.getId())
                        .query(String.class)
                        .single())
                .isEqualTo("test");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_authenticator_app WHERE secret_key <> 'test'")
                        .query(Integer.class)
                        .single())
                .isZero();
        // and the staff member signs in with the password and a fresh code, as on any day
        clock.set(NOW);
        roles.set(EnumSet.allOf(Role.class));
        try {
            RequestPostProcessor signedIn = signIn(account.getUsername(), TestData.PASSWORD);
            MockHttpServletResponse step = mvc.perform(
                            post("/sign-in/second-factor").with(signedIn).param("code", code(secret, NOW)))
                    .andReturn()
                    .getResponse();
            assertThat(step.getRedirectedUrl()).isEqualTo("/");
            Cookie session = step.getCookie("CELIANET_SESSION");
            assertThat(mvc.perform(get("/patrons").cookie(session))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
        } finally {
            roles.set(EnumSet.noneOf(Role.class));
        }
        assertThat(lastUsedStep(account.getId())).isEqualTo(STEP);
    }

    /** The first six-digit code after {@code from} that is none of {@code codes}. */
    private static String notIn(Set<String> codes, String from) {
        String code = from;
        while (codes.contains(code)) {
            code = String.format(Locale.ROOT, "%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        }
        return code;
    }

    private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]+");

    /** Base32 (RFC 4648) as an authenticator app reads it. */
    private static byte[] base32(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        assertThat(upper).matches(BASE32);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new ByteArrayOutputStream();
        long buffer = 0;
        int bits = 0;
        for (char c : upper.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((int) (buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
