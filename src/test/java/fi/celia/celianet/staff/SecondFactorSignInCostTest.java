package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.internal.AuthenticatorApps;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestTotp;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the authenticator app adds to a sign-in, measured against a sign-in with the password alone in the same
 * run (the floor; absolute times on a shared machine move by a factor of two). Prints the figures
 * (docs/performance.md); asserts only that every sign-in went through, never a time.
 */
class SecondFactorSignInCostTest extends IntegrationTest {

    private static final int ROUNDS = 40;

    @Autowired
    SecondFactorRoles roles;

    @Autowired
    AuthenticatorApps apps;

    @AfterEach
    void back() {
        roles.set(EnumSet.noneOf(Role.class));
    }

    @Test
    void oneSignInWithAnAuthenticatorAppComparedWithThePasswordAlone() throws Exception {
        StaffAccount passwordOnly = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        StaffAccount withApp = data.account(Role.STAFF, null);
        clock.set(Instant.parse("2026-12-02T08:00:00Z"));
        String secret = apps.newEnrolment(withApp.getUsername()).secretBase32();
        assertThat(apps.confirm(withApp.getId(), secret, TestTotp.code(secret, clock.instant())))
                .isTrue();
        roles.set(EnumSet.of(Role.STAFF));

        // warm-up of both paths, then the measured rounds, alternating so both see the same machine
        long[] floor = new long[ROUNDS];
        long[] twoSteps = new long[ROUNDS];
        for (int i = -10; i < ROUNDS; i++) {
            clock.advance(Duration.ofSeconds(30)); // each code is of a new step: a used one is refused
            long start = System.nanoTime();
            signInWithPassword(passwordOnly);
            long middle = System.nanoTime();
            signInWithApp(withApp, secret);
            long end = System.nanoTime();
            if (i >= 0) {
                floor[i] = middle - start;
                twoSteps[i] = end - middle;
            }
        }
        double floorMedian = median(floor);
        double appMedian = median(twoSteps);
        System.out.printf(
                Locale.ROOT,
                "sign-in cost (median of %d, ms): password alone %.1f; password + authenticator app %.1f; ratio %.2f%n",
                ROUNDS,
                floorMedian,
                appMedian,
                appMedian / floorMedian);
    }

    /** Password, then the first signed-in page. */
    private void signInWithPassword(StaffAccount account) throws Exception {
        MockHttpServletResponse signedIn = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", account.getUsername())
                        .param("password", TestData.PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
        assertThat(page(signedIn.getCookie("CELIANET_SESSION"))).isEqualTo(200);
    }

    /** Password, the authenticator app's code, then the first signed-in page. */
    private void signInWithApp(StaffAccount account, String secret) throws Exception {
        MockHttpServletResponse signedIn = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", account.getUsername())
                        .param("password", TestData.PASSWORD))
                .andReturn()
                .getResponse();
        Cookie session = signedIn.getCookie("CELIANET_SESSION");
        MockHttpServletResponse second = mvc.perform(post("/sign-in/second-factor")
                        .cookie(session)
                        .with(csrf())
                        .param("code", TestTotp.code(secret, clock.instant())))
                .andReturn()
                .getResponse();
        assertThat(second.getRedirectedUrl()).isEqualTo("/");
        assertThat(page(second.getCookie("CELIANET_SESSION"))).isEqualTo(200);
    }

    private int page(Cookie session) throws Exception {
        return mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus();
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000.0;
    }
}
