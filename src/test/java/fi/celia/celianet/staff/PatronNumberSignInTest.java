package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.internal.SignInThrottle;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patron who types their patron number into the staff sign-in is told that this is the staff service and where
 * patrons sign in, instead of "wrong user name or password"; the attempt is neither counted towards a lockout nor
 * audited as a failed staff sign-in, and the answer is the same whatever the password.
 */
class PatronNumberSignInTest extends IntegrationTest {

    @Autowired
    SignInThrottle lockout;

    @ParameterizedTest
    @ValueSource(strings = {"C1234567", "c7654321", "  C0000042 "})
    void aPatronNumberIsSentToTheLibraryService(String typed) throws Exception {
        var answer = mvc.perform(
                        post("/login").with(csrf()).param("username", typed).param("password", "whatever it is"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).isEqualTo("/login?patron");
    }

    @ParameterizedTest
    @CsvSource({
        "fi, Tämä on henkilökunnan palvelu, Celian verkkokirjasto",
        "sv, Det här är personalens tjänst, Celias webbibliotek",
        "en, This is the staff service, Celia online library"
    })
    void theSignInPageSaysWherePatronsSignIn(String language, String heading, String service) throws Exception {
        String page = mvc.perform(get("/login").param("patron", "").param("lang", language))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"patron-number\"")
                .contains(heading)
                .contains("<a id=\"patron-service\" href=\"https://celia.fi\">" + service + "</a>")
                .doesNotContain("Tarkista käyttäjätunnus ja salasana");
    }

    @Test
    void patronNumbersAreNeverCountedTowardsALockoutNorAuditedAsFailedSignIns() throws Exception {
        String number = "C" + (1_000_000 + (int) (Math.random() * 8_999_999));
        for (int i = 0; i < 7; i++) {
            var answer = mvc.perform(post("/login")
                            .with(csrf())
                            .param("username", number)
                            .param("password", "try " + i))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getRedirectedUrl()).isEqualTo("/login?patron");
        }
        assertThat(lockout.isLocked(number)).isFalse();
        assertThat(lockout.isLocked(number.toLowerCase())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE lower(actor) = lower(:n)")
                        .param("n", number)
                        .query(Integer.class)
                        .single())
                .isZero();

        // A name that only looks close is a staff sign-in as before, counted and audited.
        String almost = number + "8";
        var answer = mvc.perform(
                        post("/login").with(csrf()).param("username", almost).param("password", "x"))
                .andReturn()
                .getResponse();
        assertThat(answer.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :n AND action = 'SIGN_IN'")
                        .param("n", almost.toLowerCase())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** No staff account can have a name shaped like a patron number, so none is ever turned away by it. */
    @Test
    void noStaffAccountGetsAPatronNumberAsItsUserName() throws Exception {
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        var library = data.library(TestData.unique("Library"));
        var answer = mvc.perform(post("/admin/staff")
                        .with(admin)
                        .param("username", "C7654321")
                        .param("displayName", "Nimi Numero")
                        .param("email", TestData.unique("numero") + "@example.fi")
                        .param("language", "fi")
                        .param("role", "REGISTRAR")
                        .param("organisationId", library.getId().toString()))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("ei voi olla asiakasnumeron muotoinen");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_account WHERE username = 'c7654321'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
