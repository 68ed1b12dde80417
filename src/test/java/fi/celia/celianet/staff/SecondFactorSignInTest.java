package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestTotp;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The second sign-in step over HTTP, as a browser without JavaScript goes through it: a listed role reaches nothing
 * but the step until it has enrolled (with the mailed link and the password), then signs in with an authenticator
 * app's code or a single-use recovery code of its own account.
 */
class SecondFactorSignInTest extends IntegrationTest {

    @Autowired
    SecondFactorRoles roles;

    @Autowired
    CredentialTokens tokens;

    @BeforeEach
    void everyRoleGivesASecondFactor() {
        roles.set(EnumSet.allOf(Role.class));
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @AfterEach
    void back() {
        roles.set(EnumSet.noneOf(Role.class));
        clock.reset();
    }

    /** One browser: its session cookie (sessions live in PostgreSQL), renewed when an answer sets a new one. */
    private final class Session implements RequestPostProcessor {
        private Cookie cookie;

        @Override
        public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
            if (cookie != null) {
                request.setCookies(cookie);
            }
            return csrf().postProcessRequest(request);
        }

        MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
            MockHttpServletResponse response =
                    mvc.perform(request.with(this)).andReturn().getResponse();
            Cookie renewed = response.getCookie("CELIANET_SESSION");
            if (renewed != null) {
                cookie = renewed;
            }
            return response;
        }
    }

    private Session signIn(StaffAccount account) throws Exception {
        return signIn(account, TestData.PASSWORD);
    }

    private Session signIn(StaffAccount account, String password) throws Exception {
        Session session = new Session();
        MockHttpServletResponse response = session.perform(
                post("/login").param("username", account.getUsername()).param("password", password));
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        return session;
    }

    /**
     * Opens an enrolment link as a person does: the link's page (which uses nothing up), then Continue.
     *
     * @return the answer to Continue
     */
    private MockHttpServletResponse openLink(String link, Session session) throws Exception {
        MockHttpServletResponse page = get(link, session);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(html(page).selectFirst("#open-enrolment")).isNotNull();
        return session.perform(post(link));
    }

    private MockHttpServletResponse get(String path, Session session) throws Exception {
        return session.perform(MockMvcRequestBuilders.get(path));
    }

    private MockHttpServletResponse postCode(Session session, String field, String code) throws Exception {
        return session.perform(post("/sign-in/second-factor").param(field, code));
    }

    private static Document html(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString());
    }

    /** Enrols an authenticator app through the pages; @return its secret and the recovery codes shown. */
    private Enrolled enrol(StaffAccount account, Session session) throws Exception {
        String link = "/sign-in/enrol/" + tokens.issue(TokenPurpose.STAFF_SECOND_FACTOR, account.getId());
        assertThat(openLink(link, session).getRedirectedUrl()).isEqualTo("/sign-in/enrol");
        MockHttpServletResponse page = get("/sign-in/enrol", session);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        String secret = html(page).selectFirst("#secret").text();
        MockHttpServletResponse codes = session.perform(post("/sign-in/enrol/app")
                .param("secret", secret)
                .param("code", TestTotp.code(secret, clock.instant())));
        assertThat(codes.getStatus()).isEqualTo(200);
        assertThat(codes.getHeader("Cache-Control")).contains("no-store");
        List<String> shown = html(codes).select("#recovery-codes code").stream()
                .map(Element::text)
                .toList();
        return new Enrolled(secret, shown);
    }

    /**
     * Waits for the mail with an enrolment link. The account's invitation, sent when the test data made the account,
     * may arrive after the test's purge, so the first mail to the address is not necessarily the enrolment mail.
     */
    private static String enrolmentLinkMailedTo(String email) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestMail.to(email).stream()
                                .map(TestMail::linkPath)
                                .filter(path -> path.startsWith("/sign-in/enrol/"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {}

    @Test
    void aListedRoleReachesNothingButTheSecondStepUntilItHasEnrolled() throws Exception {
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        Session session = signIn(registrar);

        for (String page : List.of("/", "/patrons", "/patrons/new", "/notices/manage")) {
            assertThat(get(page, session).getRedirectedUrl()).as(page).isEqualTo("/sign-in/second-factor");
        }
        MockHttpServletResponse step = get("/sign-in/second-factor", session);
        assertThat(html(step).selectFirst("#enrolment-needed")).isNotNull();
        assertThat(html(step).selectFirst("#code")).isNull();
        // the enrolment page is closed without a link opened in this session
        assertThat(get("/sign-in/enrol", session).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");

        // the link comes by mail, to the account's own address
        TestMail.purge();
        session.perform(post("/sign-in/second-factor/enrolment-link"));
        String link = enrolmentLinkMailedTo(registrar.getEmail());

        // opening the link's page twice uses nothing up; Continue does
        assertThat(html(get(link, session)).selectFirst("#open-enrolment")).isNotNull();
        assertThat(openLink(link, session).getRedirectedUrl()).isEqualTo("/sign-in/enrol");
        MockHttpServletResponse page = get("/sign-in/enrol", session);
        String secret = html(page).selectFirst("#secret").text();
        // a wrong code enrols nothing and keeps the same secret on the page
        MockHttpServletResponse wrong = session.perform(post("/sign-in/enrol/app")
                .param("secret", secret)
                .param("code", "000000".equals(TestTotp.code(secret, clock.instant())) ? "111111" : "000000"));
        assertThat(html(wrong).selectFirst("#code-error")).isNotNull();
        assertThat(html(wrong).selectFirst("#secret").text()).isEqualTo(secret);
        assertThat(get("/patrons", session).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");

        MockHttpServletResponse codes = session.perform(post("/sign-in/enrol/app")
                .param("secret", secret)
                .param("code", TestTotp.code(secret, clock.instant())));
        List<String> shown = html(codes).select("#recovery-codes code").stream()
                .map(Element::text)
                .toList();
        assertThat(shown).hasSize(10).doesNotHaveDuplicates();
        assertThat(get("/patrons", session).getStatus()).isEqualTo(200);
        // the link was single use
        assertThat(html(get(link, session)).selectFirst("#link-problem")).isNotNull();
        assertThat(html(session.perform(post(link))).selectFirst("#link-problem"))
                .isNotNull();
        assertThat(auditCount(registrar.getUsername(), "SECOND_FACTOR_ENROLLED"))
                .isEqualTo(1);
    }

    @Test
    void anAuthenticatorCodeOfTheSameAccountCompletesTheSignInAndGoesWhereTheUserWasGoing() throws Exception {
        StaffAccount staff = data.account(Role.STAFF, null);
        Enrolled enrolled = enrol(staff, signIn(staff));

        clock.advance(Duration.ofMinutes(5));
        Session session = signIn(staff);
        assertThat(get("/bookclubs", session).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
        MockHttpServletResponse step = get("/sign-in/second-factor", session);
        assertThat(html(step).selectFirst("#code")).isNotNull();

        MockHttpServletResponse wrong = postCode(session, "code", "12345x");
        assertThat(wrong.getRedirectedUrl()).isEqualTo("/sign-in/second-factor?error");
        MockHttpServletResponse done = postCode(session, "code", TestTotp.code(enrolled.secret(), clock.instant()));
        assertThat(done.getRedirectedUrl()).isEqualTo("/bookclubs?continue");
        assertThat(get("/bookclubs", session).getStatus()).isEqualTo(200);
        assertThat(auditCount(staff.getUsername(), "SECOND_FACTOR")).isEqualTo(2);
    }

    @Test
    void aCodeOfAnotherAccountsAuthenticatorIsRefused() throws Exception {
        Organisation library = data.library(TestData.unique("Library"));
        StaffAccount alice = data.account(Role.REGISTRAR, library);
        StaffAccount bob = data.account(Role.REGISTRAR, library);
        enrol(alice, signIn(alice));
        Enrolled bobs = enrol(bob, signIn(bob));

        clock.advance(Duration.ofMinutes(5));
        Session session = signIn(alice);
        MockHttpServletResponse refused = postCode(session, "code", TestTotp.code(bobs.secret(), clock.instant()));
        assertThat(refused.getRedirectedUrl()).isEqualTo("/sign-in/second-factor?error");
        assertThat(get("/patrons", session).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
        // nor does Bob's recovery code open Alice's sign-in
        assertThat(postCode(session, "recoveryCode", bobs.recoveryCodes().get(0))
                        .getRedirectedUrl())
                .isEqualTo("/sign-in/second-factor?recoveryError");
        assertThat(get("/patrons", session).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
    }

    @Test
    void aRecoveryCodeSignsInOnceAndOffersANewAuthenticator() throws Exception {
        StaffAccount admin = data.account(Role.ADMIN, null);
        Enrolled enrolled = enrol(admin, signIn(admin));
        String code = enrolled.recoveryCodes().get(3);

        Session first = signIn(admin);
        assertThat(postCode(first, "recoveryCode", code.toUpperCase().replace("-", " "))
                        .getRedirectedUrl())
                .isEqualTo("/sign-in/second-factor/recovered");
        assertThat(html(get("/sign-in/second-factor/recovered", first))
                        .selectFirst("#codes-left")
                        .text())
                .contains("9");
        assertThat(get("/admin/audit", first).getStatus()).isEqualTo(200);

        Session second = signIn(admin);
        assertThat(postCode(second, "recoveryCode", code).getRedirectedUrl())
                .isEqualTo("/sign-in/second-factor?recoveryError");
        assertThat(get("/admin/audit", second).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
        assertThat(auditCount(admin.getUsername(), "RECOVERY_CODE_USED")).isEqualTo(2);
    }

    @Test
    void anEnrolmentLinkOpensNothingWithoutThePasswordNorForAnotherAccount() throws Exception {
        Organisation library = data.library(TestData.unique("Library"));
        StaffAccount alice = data.account(Role.REGISTRAR, library);
        StaffAccount bob = data.account(Role.MAIN_USER, library);
        String alicesLink = "/sign-in/enrol/" + tokens.issue(TokenPurpose.STAFF_SECOND_FACTOR, alice.getId());

        // signed out: the sign-in page first
        MockHttpServletResponse signedOut =
                mvc.perform(MockMvcRequestBuilders.get(alicesLink)).andReturn().getResponse();
        assertThat(signedOut.getRedirectedUrl()).isEqualTo("/login");

        // Bob cannot use Alice's link, and it stays usable for her
        Session bobs = signIn(bob);
        assertThat(html(bobs.perform(post(alicesLink))).selectFirst("#link-problem"))
                .isNotNull();
        assertThat(get("/sign-in/enrol", bobs).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
        assertThat(openLink(alicesLink, signIn(alice)).getRedirectedUrl()).isEqualTo("/sign-in/enrol");

        // a link lives 24 hours
        String late = "/sign-in/enrol/" + tokens.issue(TokenPurpose.STAFF_SECOND_FACTOR, bob.getId());
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertThat(html(get(late, signIn(bob))).selectFirst("#link-problem")).isNotNull();
    }

    @Test
    void aPasswordResetDoesNotSkipTheSecondFactor() throws Exception {
        StaffAccount staff = data.account(Role.STAFF, null);
        enrol(staff, signIn(staff));
        String link = "/password/set/" + tokens.issue(TokenPurpose.STAFF_RESET, staff.getId());
        String password = "lumpeenkukka ankkalampi sadetakki";
        MockHttpServletResponse set = mvc.perform(
                        post(link).with(csrf()).param("password", password).param("confirmPassword", password))
                .andReturn()
                .getResponse();
        assertThat(set.getStatus()).isEqualTo(303);

        Session session = signIn(staff, password);
        assertThat(get("/patrons", session).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
    }

    @Test
    void theAuditRecordsOfTheSecondStepCarryTheClientAddress() throws Exception {
        StaffAccount staff = data.account(Role.STAFF, null);
        Enrolled enrolled = enrol(staff, signIn(staff));
        clock.advance(Duration.ofMinutes(5));
        Session session = signIn(staff);
        RequestPostProcessor from = request -> {
            request.setRemoteAddr("203.0.113.61");
            return request;
        };
        String step = "/sign-in/second-factor";
        assertThat(session.perform(post(step).with(from).param("code", "000000"))
                        .getRedirectedUrl())
                .isEqualTo(step + "?error");
        assertThat(session.perform(post(step).with(from).param("recoveryCode", "AAAA-AAAA-AAAA"))
                        .getRedirectedUrl())
                .isEqualTo(step + "?recoveryError");
        assertThat(session.perform(post(step)
                                .with(from)
                                .param("recoveryCode", enrolled.recoveryCodes().get(0)))
                        .getRedirectedUrl())
                .isEqualTo(step + "/recovered");
        Session again = signIn(staff);
        assertThat(again.perform(post(step).with(from).param("code", TestTotp.code(enrolled.secret(), clock.instant())))
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(jdbc.sql("SELECT action || ' ' || outcome || ': ' || details FROM audit_event"
                                + " WHERE actor = :a AND action IN ('SECOND_FACTOR', 'RECOVERY_CODE_USED')"
                                + " AND details LIKE 'address%' ORDER BY id")
                        .param("a", staff.getUsername())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "SECOND_FACTOR FAILURE: address 203.0.113.61",
                        "RECOVERY_CODE_USED FAILURE: address 203.0.113.61",
                        "RECOVERY_CODE_USED SUCCESS: address 203.0.113.61",
                        "SECOND_FACTOR SUCCESS: address 203.0.113.61");
    }

    @Test
    void anAdministratorRemovesLostFactorsAndTheOwnerGetsANewLink() throws Exception {
        StaffAccount admin = data.account(Role.ADMIN, null);
        StaffAccount staff = data.account(Role.STAFF, null);
        Session staffs = signIn(staff);
        Enrolled enrolled = enrol(staff, staffs);
        roles.set(EnumSet.noneOf(Role.class));
        assertThat(get("/", staffs).getStatus()).isEqualTo(200);
        Session admins = signIn(admin);
        MockHttpServletResponse page = get("/admin/staff/" + staff.getId(), admins);
        assertThat(html(page).selectFirst("#remove-second-factors")).isNotNull();

        TestMail.purge();
        MockHttpServletResponse removed = admins.perform(post("/admin/staff/" + staff.getId() + "/second-factors"));
        assertThat(removed.getRedirectedUrl()).isEqualTo("/admin/staff/" + staff.getId());
        assertThat(enrolmentLinkMailedTo(staff.getEmail())).startsWith("/sign-in/enrol/");
        assertThat(auditCount(admin.getUsername(), "SECOND_FACTOR_REMOVED")).isEqualTo(1);
        // the account's sessions ended with its factors: one may be in the hands of whoever has them
        assertThat(get("/", staffs).getRedirectedUrl()).isEqualTo("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
                        .param("u", staff.getUsername())
                        .query(Integer.class)
                        .single())
                .isZero();

        roles.set(EnumSet.allOf(Role.class));
        clock.advance(Duration.ofMinutes(5));
        Session session = signIn(staff);
        assertThat(html(get("/sign-in/second-factor", session)).selectFirst("#enrolment-needed"))
                .isNotNull();
        assertThat(postCode(session, "code", TestTotp.code(enrolled.secret(), clock.instant()))
                        .getRedirectedUrl())
                .isEqualTo("/sign-in/second-factor?error");
        assertThat(postCode(session, "recoveryCode", enrolled.recoveryCodes().get(0))
                        .getRedirectedUrl())
                .isEqualTo("/sign-in/second-factor?recoveryError");
    }

    @Test
    void aRoleNotListedSignsInWithThePasswordAlone() throws Exception {
        roles.set(EnumSet.of(Role.ADMIN, Role.STAFF));
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        assertThat(get("/patrons", signIn(registrar)).getStatus()).isEqualTo(200);
        StaffAccount staff = data.account(Role.STAFF, null);
        assertThat(get("/patrons", signIn(staff)).getRedirectedUrl()).isEqualTo("/sign-in/second-factor");
    }

    private long auditCount(String actor, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :actor AND action = :action")
                .param("actor", actor)
                .param("action", action)
                .query(Long.class)
                .single();
    }
}
