package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.RealHttp;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class StaffAdministrationTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "a long enough pass phrase";

    @Test
    void anAdministratorCreatesAnAccountAndTheInvitationSetsThePasswordOnce() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        String username = TestData.unique("new-registrar");
        String email = username + "@example.fi";

        mvc.perform(post("/admin/staff")
                        .with(admin)
                        .param("username", username)
                        .param("displayName", "Uusi Rekisteröijä")
                        .param("email", email)
                        .param("language", "sv")
                        .param("role", "REGISTRAR")
                        .param("organisationId", library.getId().toString()))
                .andExpect(status().isSeeOther());

        var mail = await().atMost(mailWait())
                .until(() -> TestMail.to(email), list -> list.size() == 1)
                .get(0);
        // The invitation names the organisation the account registers for.
        assertThat(mail.getSubject()).isEqualTo("Inbjudan till Celianet: " + library.getName());
        assertThat(TestMail.body(mail)).contains(username).contains("registrerar du kunder för " + library.getName());
        String link = TestMail.linkPath(mail);
        assertThat(link).startsWith("/password/set/");
        assertThat(jdbc.sql("SELECT count(*) FROM credential_token WHERE token_hash = :t")
                        .param("t", link.substring(link.lastIndexOf('/') + 1))
                        .query(Integer.class)
                        .single())
                .as("only a hash of the token is stored")
                .isZero();

        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"password\"")));
        mvc.perform(post(link).with(csrf()).param("password", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("12")));
        mvc.perform(post(link).with(csrf()).param("password", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/password/done"));
        signIn(username, NEW_PASSWORD);

        // The link page speaks the account's language (Swedish), whatever the browser's was.
        mvc.perform(get(link))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("Länken har redan använts")));
        mvc.perform(post(link)
                        .with(csrf())
                        .param("password", "another long pass phrase")
                        .param("confirmPassword", "another long pass phrase"))
                .andExpect(status().isGone());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'STAFF_CREATED' AND details LIKE :u")
                        .param("u", username + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anExpiredInvitationSaysSoAndCanBeSentAgain() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var mainUser = data.account(Role.MAIN_USER, library);
        var session = signIn(mainUser.getUsername(), TestData.PASSWORD);
        String username = TestData.unique("late");
        mvc.perform(post("/organisation/staff")
                        .with(session)
                        .param("username", username)
                        .param("displayName", "Late Comer")
                        .param("email", username + "@example.fi")
                        .param("language", "fi")
                        .param("role", "REGISTRAR"))
                .andExpect(status().isSeeOther());
        var first = await().atMost(mailWait())
                .until(() -> TestMail.to(username + "@example.fi"), l -> l.size() == 1)
                .get(0);
        String firstLink = TestMail.linkPath(first);

        clock.advance(Duration.ofDays(8));
        mvc.perform(get(firstLink))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("Linkki on vanhentunut")));

        var account = jdbc.sql("SELECT id FROM staff_account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
        mvc.perform(post("/organisation/staff/{id}/invitation", account).with(session))
                .andExpect(status().isSeeOther());
        var second = await().atMost(mailWait())
                .until(() -> TestMail.to(username + "@example.fi"), l -> l.size() == 2)
                .get(1);
        mvc.perform(get(TestMail.linkPath(second))).andExpect(status().isOk());
    }

    @Test
    void aMainUserManagesOnlyTheRegistrarsOfTheirOwnOrganisation() throws Exception {
        var own = data.library(TestData.unique("Own"));
        var other = data.library(TestData.unique("Other"));
        var mainUser = data.account(Role.MAIN_USER, own);
        var ownRegistrar = data.account(Role.REGISTRAR, own);
        var otherRegistrar = data.account(Role.REGISTRAR, other);
        var session = signIn(mainUser.getUsername(), TestData.PASSWORD);

        mvc.perform(get("/organisation/staff").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(ownRegistrar.getUsername())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(otherRegistrar.getUsername()))));
        mvc.perform(get("/organisation/staff/{id}", otherRegistrar.getId()).with(session))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organisation/staff/{id}/deactivate", otherRegistrar.getId())
                        .with(session))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT active FROM staff_account WHERE id = :id")
                        .param("id", otherRegistrar.getId())
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // A main user cannot make an administrator, nor an account in another organisation.
        String username = TestData.unique("sneaky");
        mvc.perform(post("/organisation/staff")
                        .with(session)
                        .param("username", username)
                        .param("displayName", "Sneaky")
                        .param("email", username + "@example.fi")
                        .param("language", "fi")
                        .param("role", "ADMIN")
                        .param("organisationId", other.getId().toString()))
                .andExpect(status().isSeeOther());
        assertThat(jdbc.sql("SELECT role || ' ' || organisation_id FROM staff_account WHERE username = :u")
                        .param("u", username)
                        .query(String.class)
                        .single())
                .isEqualTo("REGISTRAR " + own.getId());

        mvc.perform(post("/organisation/staff/{id}/deactivate", ownRegistrar.getId())
                        .with(session))
                .andExpect(status().isSeeOther());
        mvc.perform(get("/admin/staff").with(session)).andExpect(status().isForbidden());
    }

    @Test
    void deactivatingAnAccountEndsItsSessions() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var registrarSession = signIn(registrar.getUsername(), TestData.PASSWORD);
        mvc.perform(get("/").with(registrarSession)).andExpect(status().isOk());

        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/admin/staff/{id}/deactivate", registrar.getId()).with(admin))
                .andExpect(status().isSeeOther());

        mvc.perform(get("/").with(registrarSession))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", registrar.getUsername())
                        .param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anAdministratorManagesOrganisations() throws Exception {
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        String name = TestData.unique("Vantaa City Library");
        var created = mvc.perform(post("/admin/organisations")
                        .with(admin)
                        .param("name", name)
                        .param("type", "LIBRARY")
                        .param("businessId", "")
                        .param("email", "")
                        .param("phone", "")
                        .param("streetAddress", "Lummetie 2")
                        .param("postalCode", "01300")
                        .param("city", "Vantaa")
                        .param("language", "fi"))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(created).with(admin)).andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(post("/admin/organisations")
                        .with(admin)
                        .param("name", "<script>x</script>")
                        .param("type", "LIBRARY")
                        .param("postalCode", "123")
                        .param("language", "fi"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Postinumerossa on viisi numeroa.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>x</script>"))));
        assertThat(jdbc.sql("SELECT customer_number FROM organisation WHERE name = :n")
                        .param("n", name)
                        .query(String.class)
                        .single())
                .matches("A\\d{6}");
    }

    @Test
    void aForgottenPasswordGetsTheSameAnswerAndAResetLinkOnlyForARealAccount() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var http = new RealHttp(port);
        for (String who : new String[] {registrar.getUsername(), "nobody-" + TestData.unique("x")}) {
            var response = http.submit("/password/forgot", "/password/forgot", Map.of("username", who));
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(http.get("/login").body()).contains("Jos tunnus on olemassa");
        }
        var mail = await().atMost(mailWait())
                .until(() -> resetMails(registrar.getEmail()), l -> l.size() == 1)
                .get(0);
        String link = TestMail.linkPath(mail);
        mvc.perform(post(link).with(csrf()).param("password", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isSeeOther());
        signIn(registrar.getUsername(), NEW_PASSWORD);
        // At most three reset mails an hour per account.
        for (int i = 0; i < 4; i++) {
            http.submit("/password/forgot", "/password/forgot", Map.of("username", registrar.getUsername()));
        }
        await().during(Duration.ofSeconds(1))
                .atMost(mailWait())
                .until(() -> resetMails(registrar.getEmail()).size() == 3);
    }

    private static List<MimeMessage> resetMails(String address) {
        return TestMail.to(address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains("uuden salasanan");
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
