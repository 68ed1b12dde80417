package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.RealHttp;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityTest extends IntegrationTest {

    @Test
    void anonymousUsersAreSentToTheSignInPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/staff")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theSignInPageIsPublicAndInFinnishByDefault() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<html lang=\"fi\"")))
                .andExpect(content().string(Matchers.containsString("Kirjaudu sisään")));
        mvc.perform(get("/login").param("lang", "sv"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"sv\"")))
                .andExpect(content().string(Matchers.containsString("Logga in")));
    }

    @Test
    void aRegistrarIsRefusedTheAdministrationPages() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        mvc.perform(get("/admin/staff").with(session)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = 'ACCESS_DENIED'")
                        .param("a", registrar.getUsername())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void eachRoleSeesTheNavigationOfThePagesItMayOpenAndNoOther() throws Exception {
        var library = data.library(TestData.unique("Library"));
        Map<Role, List<String>> links = Map.of(
                Role.REGISTRAR, List.of("/patrons/new", "/notices"),
                Role.MAIN_USER, List.of("/patrons/new", "/notices", "/organisation/staff"),
                Role.STAFF,
                        List.of(
                                "/patrons/new",
                                "/institutions/applications",
                                "/bookclubs",
                                "/notices",
                                "/notices/manage"),
                Role.ADMIN,
                        List.of(
                                "/patrons/new",
                                "/institutions/applications",
                                "/bookclubs",
                                "/notices",
                                "/notices/manage",
                                "/admin/organisations",
                                "/admin/staff",
                                "/admin/maintenance",
                                "/admin/audit",
                                "/admin/mail"));
        List<String> all = links.get(Role.ADMIN).stream().collect(Collectors.toCollection(ArrayList::new));
        all.add("/organisation/staff");
        for (var entry : links.entrySet()) {
            Role role = entry.getKey();
            var account = data.account(role, role.belongsToOrganisation() ? library : null);
            String page = mvc.perform(get("/").with(signIn(account.getUsername(), TestData.PASSWORD)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String nav = page.substring(
                    page.indexOf("<nav class=\"main-nav\""),
                    page.indexOf("</nav>", page.indexOf("class=\"main-nav\"")));
            for (String link : all) {
                assertThat(nav.contains("href=\"" + link + "\""))
                        .as(role + " sees " + link)
                        .isEqualTo(entry.getValue().contains(link));
            }
        }
        String signedOut = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(signedOut).doesNotContain("main-nav").doesNotContain("/logout");
    }

    @Test
    void theFiveDemoRolesLandOnTheirHomePage() throws Exception {
        var library = data.library(TestData.unique("Library"));
        for (Role role : Role.values()) {
            var account = data.account(role, role.belongsToOrganisation() ? library : null);
            var session = signIn(account.getUsername(), TestData.PASSWORD);
            mvc.perform(get("/").with(session))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
            assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :u")
                            .param("u", account.getUsername())
                            .query(Integer.class)
                            .single())
                    .as("the session lives in PostgreSQL with a 30-minute idle timeout")
                    .isEqualTo(1800);
        }
    }

    @Test
    void signingOutTellsTheBrowserToDropWhatItKeptOfTheSignedInPages() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);

        mvc.perform(post("/logout").with(session).with(csrf()).secure(true))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(header().string("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""));
    }

    @Test
    void aPostWithoutCsrfTokenGetsTheForbiddenPage() throws Exception {
        var browser = new RealHttp(port);
        var response = browser.postWithoutCsrf("/login", Map.of("username", "x", "password", "y"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Ei käyttöoikeutta").doesNotContain("Exception");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                Matchers.allOf(
                                        Matchers.containsString("script-src 'self'"),
                                        Matchers.containsString("object-src 'none'"),
                                        Matchers.containsString("base-uri 'none'"),
                                        Matchers.containsString("frame-ancestors 'none'"),
                                        Matchers.not(Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().exists("Referrer-Policy"))
                .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"))
                .andExpect(header().string(
                                "Permissions-Policy",
                                Matchers.allOf(
                                        Matchers.containsString("camera=()"),
                                        Matchers.containsString("microphone=()"),
                                        Matchers.containsString("geolocation=()"),
                                        Matchers.containsString("publickey-credentials-get=(self)"),
                                        Matchers.containsString("publickey-credentials-create=(self)"))));
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var result = mvc.perform(post("/login")
                        .secure(true)
                        .with(csrf())
                        .param("username", registrar.getUsername())
                        .param("password", TestData.PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(header().string("Strict-Transport-Security", Matchers.containsString("max-age=")))
                .andReturn();
        assertThat(result.getResponse().getCookie("CELIANET_SESSION"))
                .isNotNull()
                .satisfies(cookie -> assertThat(cookie.getSecure()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-user", "", "wrong-password"})
    void aFailedSignInAnswersWithTheSameCalmMessage(String username) throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        String name = "wrong-password".equals(username) ? registrar.getUsername() : username;
        mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "not the password"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error"))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Kirjautuminen ei onnistunut. Tarkista käyttäjätunnus ja salasana.")));
    }

    @Test
    void aTenThousandCharacterFieldIsJustAFailedSignIn() throws Exception {
        String huge = "x".repeat(10_000);
        mvc.perform(post("/login").with(csrf()).param("username", huge).param("password", huge))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void fiveFailuresLockANameFromOneAddressKnownOrNotWithTheSameMessage() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        for (String name : new String[] {registrar.getUsername(), TestData.unique("nobody")}) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "wrong password!"))
                        .andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "wrong password!"))
                    .andExpect(redirectedUrl("/login?locked"));
        }
        // Locked: even the right password is refused, with the lockout message.
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", registrar.getUsername())
                        .param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login?locked"))
                .andExpect(content().string(Matchers.containsString("Yritä uudelleen 15 minuutin kuluttua")));
        // The lock holds for that name from that address only: from another address the account signs in at once.
        mvc.perform(post("/login")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.7");
                            return request;
                        })
                        .param("username", registrar.getUsername())
                        .param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/"));
        // 15 minutes later the account signs in again from the first address too.
        clock.advance(Duration.ofMinutes(16));
        signIn(registrar.getUsername(), TestData.PASSWORD);
    }

    @Test
    void theAuditRecordsOfASignInCarryTheClientAddress() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        mvc.perform(post("/login")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.44");
                            return request;
                        })
                        .param("username", registrar.getUsername())
                        .param("password", "not the password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("2001:db8::45");
                            return request;
                        })
                        .param("username", registrar.getUsername())
                        .param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("SELECT outcome || ': ' || details FROM audit_event"
                                + " WHERE actor = :a AND action = 'SIGN_IN' ORDER BY id")
                        .param("a", registrar.getUsername())
                        .query(String.class)
                        .list())
                .containsExactly("FAILURE: address 198.51.100.44", "SUCCESS: address 2001:db8::45");
    }

    @Test
    void anAdministratorUnlocksALockedAccount() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login")
                    .with(csrf())
                    .param("username", registrar.getUsername())
                    .param("password", "wrong password!"));
        }
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/admin/staff/{id}/unlock", registrar.getId()).with(admin))
                .andExpect(status().isSeeOther());
        signIn(registrar.getUsername(), TestData.PASSWORD);
    }
}
