package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** How long a staff session lasts, what its id is made of, and what ends it. */
class SessionsTest extends IntegrationTest {

    @Autowired
    SessionLifetime lifetime;

    @Autowired
    CredentialTokens tokens;

    @AfterEach
    void defaultLifetime() {
        lifetime.set(Duration.ofHours(12));
    }

    @Test
    void aSessionEndsTwelveHoursAfterItBeganHoweverActiveItIs() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        mvc.perform(get("/").with(session)).andExpect(status().isOk());

        // began 11 h 59 min ago and used just now: still open
        began(registrar, Duration.ofHours(12).minusMinutes(1));
        mvc.perform(get("/").with(session)).andExpect(status().isOk());

        // began 12 h 1 min ago: however recently used, the next page is the sign-in page, and the session is gone
        began(registrar, Duration.ofHours(12).plusMinutes(1));
        mvc.perform(get("/patrons").with(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(sessionsOf(registrar)).isZero();
        mvc.perform(get("/").with(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kirjaudu sisään")));
        signIn(registrar.getUsername(), TestData.PASSWORD);
    }

    @Test
    void theMaximumLifetimeIsASettingReadOnEveryRequest() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        began(registrar, Duration.ofHours(2));
        mvc.perform(get("/").with(session)).andExpect(status().isOk());

        lifetime.set(Duration.ofHours(1));
        // a form post of the old session is not refused with an error page: the user signs in again
        mvc.perform(post("/logout").with(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(sessionsOf(registrar)).isZero();
    }

    @Test
    void aSessionIdHas256RandomBitsAndIsTheIdOfTheStoredSession() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            var result = mvc.perform(post("/login")
                            .with(csrf())
                            .param("username", registrar.getUsername())
                            .param("password", TestData.PASSWORD))
                    .andExpect(redirectedUrl("/"))
                    .andReturn();
            Cookie cookie = result.getResponse().getCookie("CELIANET_SESSION");
            assertThat(cookie).isNotNull();
            // the cookie carries the id base64-encoded (Spring Session's cookie serializer)
            String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.US_ASCII);
            assertThat(id).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
            assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo(registrar.getUsername());
            ids.add(id);
        }
        assertThat(ids).hasSize(3);
    }

    @Test
    void settingANewPasswordThroughAResetLinkEndsTheAccountsOtherSessions() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        var first = signIn(registrar.getUsername(), TestData.PASSWORD);
        var second = signIn(registrar.getUsername(), TestData.PASSWORD);
        mvc.perform(get("/").with(first)).andExpect(status().isOk());
        assertThat(sessionsOf(registrar)).isEqualTo(2);

        String link = "/password/set/" + tokens.issue(TokenPurpose.STAFF_RESET, registrar.getId());
        String password = "kaarnalaiva laiturilla iltapäivällä";
        mvc.perform(post(link).with(csrf()).param("password", password).param("confirmPassword", password))
                .andExpect(status().isSeeOther());

        assertThat(sessionsOf(registrar)).isZero();
        for (var session : new RequestPostProcessor[] {first, second}) {
            mvc.perform(get("/").with(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        signIn(registrar.getUsername(), password);
    }

    @Test
    void anAdministratorEndsEverySessionOfAnAccountFromItsPage() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var other = data.account(Role.REGISTRAR, library);
        var onePlace = signIn(registrar.getUsername(), TestData.PASSWORD);
        var another = signIn(registrar.getUsername(), TestData.PASSWORD);
        var others = signIn(other.getUsername(), TestData.PASSWORD);
        var admin = data.account(Role.ADMIN, null);
        var admins = signIn(admin.getUsername(), TestData.PASSWORD);

        mvc.perform(get("/admin/staff/{id}", registrar.getId()).with(admins).param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("id=\"end-sessions\"")))
                .andExpect(content().string(Matchers.containsString("End sessions")));
        var ended = mvc.perform(post("/admin/staff/{id}/end-sessions", registrar.getId())
                        .with(admins))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/staff/" + registrar.getId()))
                .andReturn();
        mvc.perform(get("/admin/staff/{id}", registrar.getId()).with(admins).flashAttrs(ended.getFlashMap()))
                .andExpect(content().string(Matchers.containsString("Tunnuksen istunnot on päätetty")));

        for (var session : new RequestPostProcessor[] {onePlace, another}) {
            mvc.perform(get("/").with(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        assertThat(sessionsOf(registrar)).isZero();
        mvc.perform(get("/").with(others)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT actor || ' ' || target_id || ' ' || outcome FROM audit_event"
                                + " WHERE action = 'STAFF_SESSIONS_ENDED' AND target_id = :id")
                        .param("id", registrar.getId().toString())
                        .query(String.class)
                        .list())
                .containsExactly(admin.getUsername() + " " + registrar.getId() + " SUCCESS");
        // the account signs in again at once
        signIn(registrar.getUsername(), TestData.PASSWORD);
    }

    @Test
    void aMainUserEndsTheSessionsOfTheirOwnRegistrarsOnly() throws Exception {
        var own = data.library(TestData.unique("Own"));
        var registrar = data.account(Role.REGISTRAR, own);
        var stranger = data.account(Role.REGISTRAR, data.library(TestData.unique("Other")));
        var registrars = signIn(registrar.getUsername(), TestData.PASSWORD);
        var strangers = signIn(stranger.getUsername(), TestData.PASSWORD);
        var mainUser = signIn(data.account(Role.MAIN_USER, own).getUsername(), TestData.PASSWORD);

        mvc.perform(post("/organisation/staff/{id}/end-sessions", stranger.getId())
                        .with(mainUser))
                .andExpect(status().isNotFound());
        mvc.perform(get("/").with(strangers)).andExpect(status().isOk());

        MockHttpServletResponse page = mvc.perform(
                        get("/organisation/staff/{id}", registrar.getId()).with(mainUser))
                .andReturn()
                .getResponse();
        assertThat(page.getContentAsString())
                .contains("action=\"/organisation/staff/" + registrar.getId() + "/end-sessions\"");
        mvc.perform(post("/organisation/staff/{id}/end-sessions", registrar.getId())
                        .with(mainUser))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/organisation/staff/" + registrar.getId()));
        mvc.perform(get("/").with(registrars)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").with(mainUser)).andExpect(status().isOk());
    }

    /** Moves the start of the account's sessions back: Spring Session stamps it with the system clock. */
    private void began(StaffAccount account, Duration ago) {
        jdbc.sql("UPDATE spring_session SET creation_time = :at WHERE principal_name = :u")
                .param("at", System.currentTimeMillis() - ago.toMillis())
                .param("u", account.getUsername())
                .update();
    }

    private int sessionsOf(StaffAccount account) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
                .param("u", account.getUsername())
                .query(Integer.class)
                .single();
    }
}
