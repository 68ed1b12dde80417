package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.internal.RecoveryCodes;
import fi.celia.celianet.support.DatabaseScan;
import fi.celia.celianet.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recovery codes, the second factor when the authenticator app is lost: ten readable codes, each accepted once
 * however it is typed, replaced by a new issue, and kept only as Argon2 hashes.
 */
class RecoveryCodesTest extends IntegrationTest {

    @Autowired
    RecoveryCodes codes;

    private UUID account() {
        return data.account(Role.STAFF, null).getId();
    }

    private List<String> hashes(UUID account) {
        return jdbc.sql("SELECT code_hash FROM staff_recovery_code WHERE staff_account_id = :account")
                .param("account", account)
                .query(String.class)
                .list();
    }

    @Test
    void tenDistinctReadableCodesAreIssuedAndOnlyTheirHashesStored() {
        UUID account = account();
        List<String> issued = codes.issue(account);

        assertThat(issued).hasSize(10).doesNotHaveDuplicates();
        assertThat(issued)
                .allSatisfy(code -> assertThat(code).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"))
                .allSatisfy(
                        code -> assertThat(code).doesNotContainAnyWhitespaces().doesNotContain("i", "l", "o"));
        assertThat(codes.remaining(account)).isEqualTo(10);
        assertThat(hashes(account)).hasSize(10).allSatisfy(hash -> assertThat(hash)
                .startsWith("{argon2}$argon2id$"));
        // salted: no two hashes alike
        assertThat(new HashSet<>(hashes(account))).hasSize(10);

        Set<String> spellings = new HashSet<>();
        for (String code : issued) {
            spellings.add(code);
            spellings.add(code.replace("-", ""));
            spellings.add(code.substring(5, 14));
        }
        assertThat(DatabaseScan.whereFound(jdbc, spellings))
                .as("columns holding a recovery code")
                .isEmpty();
    }

    @Test
    void eachCodeWorksOnceAndAUsedOneIsRefusedAgain() {
        UUID account = account();
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        List<String> issued = codes.issue(account);

        for (int i = 0; i < issued.size(); i++) {
            assertThat(codes.use(account, issued.get(i))).as("code %d", i).isTrue();
            assertThat(codes.remaining(account)).isEqualTo(issued.size() - i - 1);
            assertThat(codes.use(account, issued.get(i))).as("code %d again", i).isFalse();
        }
        assertThat(codes.remaining(account)).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT used_at FROM staff_recovery_code WHERE staff_account_id = :account")
                        .param("account", account)
                        .query((rs, n) -> rs.getTimestamp(1).toInstant())
                        .list())
                .containsExactly(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void caseSpacesAndDashesDoNotMatter() {
        UUID account = account();
        List<String> issued = codes.issue(account);

        assertThat(codes.use(account, issued.get(0).toUpperCase(Locale.ROOT))).isTrue();
        assertThat(codes.use(account, issued.get(1).replace("-", ""))).isTrue();
        assertThat(codes.use(account, issued.get(2).replace("-", " "))).isTrue();
        assertThat(codes.use(account, "  " + issued.get(3).replace("-", " - ").toUpperCase(Locale.ROOT) + "\n"))
                .isTrue();
        assertThat(codes.remaining(account)).isEqualTo(6);
    }

    @Test
    void wrongCodesAnotherAccountsCodesAndNonsenseAreRefused() {
        UUID account = account();
        UUID other = account();
        List<String> issued = codes.issue(account);
        List<String> others = codes.issue(other);

        String code = issued.get(0);
        for (String wrong : new String[] {
            null,
            "",
            "----",
            code.substring(0, 14),
            code + "a",
            code.replace('-', '_'),
            code.substring(0, 18) + (code.charAt(18) == 'a' ? 'b' : 'a'),
            others.get(0)
        }) {
            assertThat(codes.use(account, wrong)).as("%s", wrong).isFalse();
        }
        assertThat(codes.use(other, code)).isFalse();
        assertThat(codes.remaining(account)).isEqualTo(10);
        assertThat(codes.remaining(other)).isEqualTo(10);
    }

    @Test
    void aNewIssueInvalidatesEveryEarlierCode() {
        UUID account = account();
        List<String> first = codes.issue(account);
        assertThat(codes.use(account, first.get(0))).isTrue();

        List<String> second = codes.issue(account);
        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(codes.remaining(account)).isEqualTo(10);
        assertThat(hashes(account)).hasSize(10);
        for (String old : first.subList(1, 4)) {
            assertThat(codes.use(account, old)).isFalse();
        }
        assertThat(codes.use(account, second.get(9))).isTrue();
        assertThat(codes.remaining(account)).isEqualTo(9);
    }

    @Test
    void removalLeavesNoCodes() {
        UUID account = account();
        List<String> issued = codes.issue(account);
        codes.remove(account);

        assertThat(codes.remaining(account)).isZero();
        assertThat(hashes(account)).isEmpty();
        assertThat(codes.use(account, issued.get(0))).isFalse();
    }

    @Test
    void ofSimultaneousUsesOfOneCodeExactlyOneSucceeds() throws Exception {
        UUID account = account();
        List<String> issued = codes.issue(account);
        int threads = 4;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            for (String code : issued.subList(0, 3)) {
                var start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return codes.use(account, code);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (var result : results) {
                    accepted += result.get() ? 1 : 0;
                }
                assertThat(accepted).as(code).isOne();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(codes.remaining(account)).isEqualTo(7);
    }
}
