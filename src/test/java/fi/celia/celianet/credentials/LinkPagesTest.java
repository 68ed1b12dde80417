package fi.celia.celianet.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.institutions.internal.CustomerAccounts;
import fi.celia.celianet.staff.NewStaffAccount;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Every page behind a single-use link says where its account signs in: patrons and institution customers in the
 * library service (named and linked from configuration, in the account's language, with their number as the user
 * name), staff in Celianet. None of the patrons' pages shows the staff navigation or footer or links into the staff
 * side.
 */
class LinkPagesTest extends IntegrationTest {

    private static final String PASSWORD = "kuusi kirjaa hyllyssä";
    private static final Map<String, String> SERVICE =
            Map.of("fi", "Celian verkkokirjasto", "sv", "Celias webbibliotek", "en", "Celia online library");

    @Autowired
    CredentialTokens tokens;

    @Autowired
    CustomerAccounts customerAccounts;

    @Autowired
    StaffAccounts staffAccounts;

    @ParameterizedTest
    @CsvSource({"fi, Ota tunnus käyttöön, Salasana on asetettu", "sv, Aktivera ditt konto, Lösenordet har angetts"})
    void aPatronsActivationEndsOnTheLibraryServiceInThePatronsLanguage(String language, String heading, String done)
            throws Exception {
        UUID patron = patron(language);
        String number = patronNumber(patron);
        String link = "/account/activate/" + tokens.issue(TokenPurpose.PATRON_ACTIVATION, patron);

        // A browser that last spoke English: the page still speaks the patron's language.
        MockHttpServletResponse form = mvc.perform(get(link).cookie(new Cookie("CELIANET_LANG", "en")))
                .andReturn()
                .getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        String page = form.getContentAsString();
        assertThat(page).contains("<html lang=\"" + language + "\"").contains(heading);
        assertLibraryServicePage(page, language, number);

        var result = mvc.perform(post(link)
                        .with(csrf())
                        .cookie(cookies(form))
                        .param("password", PASSWORD)
                        .param("confirmPassword", PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(303);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/done");

        String donePage = mvc.perform(get("/account/done").cookie(cookies(form, result.getResponse())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(donePage).contains("<html lang=\"" + language + "\"").contains(done);
        assertLibraryServicePage(donePage, language, number);
        assertThat(donePage)
                .contains("id=\"sign-in\" href=\"https://celia.fi\"")
                .doesNotContain("Kirjaudu Celianetiin")
                .doesNotContain("Logga in i Celianet");
    }

    @Test
    void aPatronsResetPageAndItsUsedExpiredAndUnknownLinksNameTheLibraryService() throws Exception {
        UUID patron = patron("fi");
        String number = patronNumber(patron);
        String reset = "/account/reset/" + tokens.issue(TokenPurpose.PATRON_RESET, patron);
        String page = mvc.perform(get(reset)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Aseta uusi salasana");
        assertLibraryServicePage(page, "fi", number);

        mvc.perform(post(reset).with(csrf()).param("password", PASSWORD).param("confirmPassword", PASSWORD));
        var used = mvc.perform(get(reset)).andReturn().getResponse();
        assertThat(used.getStatus()).isEqualTo(410);
        assertThat(used.getContentAsString()).contains("Linkki on jo käytetty");
        assertLibraryServicePage(used.getContentAsString(), "fi", number);

        String activation = "/account/activate/" + tokens.issue(TokenPurpose.PATRON_ACTIVATION, patron);
        clock.advance(TokenPurpose.PATRON_ACTIVATION.validity().plus(Duration.ofMinutes(1)));
        var expired = mvc.perform(get(activation)).andReturn().getResponse();
        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.getContentAsString())
                .contains("Linkki on vanhentunut")
                .contains("Pyydä uusi linkki omasta kirjastostasi")
                .doesNotContain("henkilökunta");
        assertLibraryServicePage(expired.getContentAsString(), "fi", number);

        var unknown =
                mvc.perform(get("/account/activate/no-such-link")).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertLibraryServicePage(unknown.getContentAsString(), "fi", null);
    }

    @Test
    void aSignedInStaffMemberOpeningAPatronsLinkSeesNoStaffNavigation() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        UUID patron = patron("fi");
        String link = "/account/activate/" + tokens.issue(TokenPurpose.PATRON_ACTIVATION, patron);
        String page =
                mvc.perform(get(link).with(session)).andReturn().getResponse().getContentAsString();
        assertLibraryServicePage(page, "fi", patronNumber(patron));
        assertThat(page).doesNotContain("Kirjaudu ulos");
    }

    @ParameterizedTest
    @CsvSource({"fi, Celian verkkokirjasto", "sv, Celias webbibliotek"})
    void anInstitutionsCustomerAccountSignsInToTheLibraryServiceWithItsNumber(String language, String service)
            throws Exception {
        var organisation = data.library(TestData.unique("Koulu"));
        String username = organisation.getCustomerNumber().toLowerCase();
        UUID account =
                customerAccounts.create(organisation.getId(), username, TestData.unique("c") + "@example.fi", language);
        String link = "/account/activate/" + tokens.issue(TokenPurpose.CUSTOMER_ACTIVATION, account);
        var form = mvc.perform(get(link)).andReturn().getResponse();
        assertLibraryServicePage(form.getContentAsString(), language, username);

        var result = mvc.perform(post(link)
                        .with(csrf())
                        .cookie(cookies(form))
                        .param("password", PASSWORD)
                        .param("confirmPassword", PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/done");
        String done = mvc.perform(get("/account/done").cookie(cookies(form, result.getResponse())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertLibraryServicePage(done, language, username);
        assertThat(done).contains(service);
    }

    @ParameterizedTest
    @CsvSource({"fi, Kirjaudu Celianetiin", "sv, Logga in i Celianet"})
    void aStaffInvitationEndsOnTheStaffSignIn(String language, String signIn) throws Exception {
        String username = TestData.unique("invited");
        staffAccounts.create(
                new NewStaffAccount(username, "Iida Invited", username + "@example.fi", language, Role.STAFF, null),
                "test");
        String link = TestMail.linkPath(await().atMost(mailWait())
                .until(() -> TestMail.to(username + "@example.fi"), l -> !l.isEmpty())
                .get(0));
        assertThat(link).startsWith("/password/set/");
        var form = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(form.getContentAsString()).contains("<html lang=\"" + language + "\"");
        var result = mvc.perform(post(link)
                        .with(csrf())
                        .cookie(cookies(form))
                        .param("password", PASSWORD)
                        .param("confirmPassword", PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/password/done");
        String done = mvc.perform(get("/password/done").cookie(cookies(form, result.getResponse())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(done)
                .contains("<html lang=\"" + language + "\"")
                .contains("id=\"sign-in\" href=\"/login\"")
                .contains(signIn)
                .contains(username)
                .doesNotContain("https://celia.fi");
    }

    /** Names and links the library service, with the user name when known, and nothing of the staff side. */
    private static void assertLibraryServicePage(String page, String language, String userName) {
        assertThat(page)
                .contains("<a id=\"patron-service\" href=\"https://celia.fi\">" + SERVICE.get(language) + "</a>")
                .doesNotContain("class=\"main-nav\"")
                .doesNotContain("site-footer")
                .doesNotContain("href=\"/login\"")
                .doesNotContain("href=\"/\"")
                .doesNotContain("href=\"/patrons")
                .doesNotContain("Celianet –");
        if (userName != null) {
            assertThat(page).contains("id=\"user-name\"").contains(userName);
        }
    }

    private UUID patron(String language) {
        UUID id = data.patron("Linnea Lukija", null, null, TestData.unique("p") + "@example.fi", false);
        jdbc.sql("UPDATE patron SET language = :l WHERE id = :id")
                .param("l", language)
                .param("id", id)
                .update();
        return id;
    }

    private String patronNumber(UUID id) {
        return jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** The cookies a browser holds after these answers: the language the link page chose, and the session. */
    private static Cookie[] cookies(MockHttpServletResponse... responses) {
        Map<String, Cookie> kept = new LinkedHashMap<>();
        for (MockHttpServletResponse response : responses) {
            for (Cookie cookie : response.getCookies()) {
                if (cookie.getName().equals("CELIANET_LANG") || cookie.getName().equals("CELIANET_SESSION")) {
                    kept.put(cookie.getName(), cookie);
                }
            }
        }
        return kept.values().toArray(Cookie[]::new);
    }
}
