package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The sent-mail log's filter, the forgotten-password form and the sign-in form with a control character in their
 * text: a field error on the same page (the sign-in: its own sign-in error), never a bare 400 or a server error.
 */
class FilterFormsTest extends IntegrationTest {

    private static final String CONTROL_CHARACTERS = "Poista kentästä näkymättömät ohjausmerkit.";

    @Test
    void theMailLogFilterWithAControlCharacterIsAFieldErrorAndListsNothing() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Mail Library")));
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        Document found = page(mvc.perform(get("/admin/mail")
                        .param("q", " " + registrar.getEmail().toUpperCase() + " ")
                        .with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(found.select("tbody tr").text()).contains(registrar.getEmail());

        var response = mvc.perform(get("/admin/mail")
                        .param("q", registrar.getEmail() + "\u0000")
                        .with(admin))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document refused = page(response.getContentAsString());
        assertThat(refused.select("#q-error").text()).contains(CONTROL_CHARACTERS);
        assertThat(refused.select(".error-summary a[href=#q]")).hasSize(1);
        assertThat(refused.select("tbody tr")).isEmpty();
    }

    @Test
    void aForgottenPasswordRequestWithAControlCharacterIsAFieldError() throws Exception {
        var response = mvc.perform(post("/password/forgot").with(csrf()).param("username", "a\u0000b"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = page(response.getContentAsString());
        assertThat(page.select("#username-error").text()).contains(CONTROL_CHARACTERS);
        assertThat(page.select(".error-summary a[href=#username]")).hasSize(1);
    }

    @Test
    void aSignInWithAControlCharacterInTheUserNameIsAFailedSignIn() throws Exception {
        var response = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "a\u0000b")
                        .param("password", "x"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(get("/login").param("error", ""))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("class=\"error-summary\"");
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}
