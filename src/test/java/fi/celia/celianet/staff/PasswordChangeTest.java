package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A signed-in staff member changes their own password: the current one first, the policy for the new one. */
class PasswordChangeTest extends IntegrationTest {

    private static final String NEW = "kuutamo ruskea polkupyörä laituri";

    @Autowired
    PasswordEncoder encoder;

    private MockHttpServletResponse change(RequestPostProcessor session, String current, String next, String again)
            throws Exception {
        return mvc.perform(post("/profile/password")
                        .with(session)
                        .param("currentPassword", current)
                        .param("newPassword", next)
                        .param("confirmPassword", again))
                .andReturn()
                .getResponse();
    }

    private String hash(StaffAccount account) {
        return jdbc.sql("SELECT password_hash FROM staff_account WHERE id = :id")
                .param("id", account.getId())
                .query(String.class)
                .single();
    }

    private static Document html(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void theCurrentPasswordIsAskedAndAWeakNewOneRefused() throws Exception {
        StaffAccount account = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        RequestPostProcessor session = signIn(account.getUsername(), TestData.PASSWORD);
        String before = hash(account);

        MockHttpServletResponse page =
                mvc.perform(get("/profile/password").with(session)).andReturn().getResponse();
        assertThat(html(page).select("input[type=password]")).hasSize(3);
        assertThat(html(page).selectFirst("#currentPassword").attr("autocomplete"))
                .isEqualTo("current-password");

        MockHttpServletResponse wrongCurrent = change(session, "not my password at all", NEW, NEW);
        assertThat(wrongCurrent.getStatus()).isEqualTo(200);
        assertThat(html(wrongCurrent).selectFirst("#currentPassword-error")).isNotNull();

        MockHttpServletResponse weak = change(session, TestData.PASSWORD, "Salasana2026!", "Salasana2026!");
        assertThat(html(weak).selectFirst("#newPassword-error")).isNotNull();

        MockHttpServletResponse mismatch = change(session, TestData.PASSWORD, NEW, NEW + "x");
        assertThat(html(mismatch).selectFirst("#confirmPassword-error")).isNotNull();

        assertThat(hash(account)).isEqualTo(before);
        // no page echoes a password
        for (MockHttpServletResponse answer : new MockHttpServletResponse[] {wrongCurrent, weak, mismatch}) {
            assertThat(answer.getContentAsString())
                    .doesNotContain(TestData.PASSWORD)
                    .doesNotContain(NEW)
                    .doesNotContain("Salasana2026!");
        }
    }

    @Test
    void aChangedPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
        StaffAccount account = data.account(Role.STAFF, null);
        RequestPostProcessor other = signIn(account.getUsername(), TestData.PASSWORD);
        RequestPostProcessor session = signIn(account.getUsername(), TestData.PASSWORD);

        MockHttpServletResponse changed = change(session, TestData.PASSWORD, NEW, NEW);
        assertThat(changed.getStatus()).isEqualTo(303);
        assertThat(changed.getRedirectedUrl()).isEqualTo("/");
        assertThat(encoder.matches(NEW, hash(account))).isTrue();

        assertThat(mvc.perform(get("/patrons").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/patrons").with(other))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login");
        // the new password signs in; the old one no longer does
        signIn(account.getUsername(), NEW);
        assertThat(mvc.perform(post("/login")
                                .with(csrf())
                                .param("username", account.getUsername())
                                .param("password", TestData.PASSWORD))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE actor = :actor AND action = 'STAFF_PASSWORD_SET' AND details = 'changed'")
                        .param("actor", account.getUsername())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
