package fi.celia.celianet.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.NewStaffAccount;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every password a person chooses, staff or patron, must be hard to guess: not only long enough, but also free of
 * their own name, their organisation's name, the service's own words and keyboard or number patterns. A refused
 * password leaves the account as it was, the link still usable, and the page says why and how to choose better
 * without repeating the password.
 */
class PasswordStrengthTest extends IntegrationTest {

    private static final String STRONG = "hiljainen majakka keittää sinistä teetä";

    private static final String HOW_FI = "useita toisiinsa liittymättömiä sanoja";
    private static final String PERSONAL_FI = "Salasanassa on nimesi";
    private static final String GUESSABLE_FI = "Salasana on liian helppo arvata";
    private static final String PERSONAL_SV = "Lösenordet innehåller ditt namn";

    @Autowired
    CredentialTokens tokens;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    PasswordEncoder encoder;

    @ParameterizedTest
    @CsvSource({
        "celianet-demo, " + PERSONAL_FI,
        "Celianet2026!, " + PERSONAL_FI,
        "Salasana2026!, " + PERSONAL_FI,
        "kirjasto12345, " + PERSONAL_FI,
        "Virtanen20261, " + PERSONAL_FI,
        "ainovirtanen7, " + PERSONAL_FI,
        "qwertyuiopasdf, " + GUESSABLE_FI,
        "zxcvbnmasdfgh, " + GUESSABLE_FI
    })
    void aStaffResetRefusesAGuessablePasswordAndKeepsTheOldOne(String password, String why) throws Exception {
        UUID id = staff("Aino Virtanen");
        String before = staffHash(id);
        String link = "/password/set/" + tokens.issue(TokenPurpose.STAFF_RESET, id);

        MockHttpServletResponse page = submit(link, password);

        assertRefused(page, password, why);
        assertThat(staffHash(id)).isEqualTo(before);
        assertThat(encoder.matches(password, staffHash(id))).isFalse();

        // The link still works: a long phrase of unrelated words is taken.
        MockHttpServletResponse done = submit(link, STRONG);
        assertThat(done.getStatus()).isEqualTo(303);
        assertThat(done.getRedirectedUrl()).isEqualTo("/password/done");
        assertThat(encoder.matches(STRONG, staffHash(id))).isTrue();
    }

    @Test
    void aStaffInvitationRefusesTheStaffMembersOwnUserNameWithADigit() throws Exception {
        UUID id = staff("Aino Virtanen");
        String username = jdbc.sql("SELECT username FROM staff_account WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        String link = "/password/set/" + tokens.issue(TokenPurpose.STAFF_INVITATION, id);
        String password = username + "1";

        assertRefused(submit(link, password), password, PERSONAL_FI);
        assertThat(encoder.matches(password, staffHash(id))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "celianet-demo, " + PERSONAL_FI,
        "Celianet2026!, " + PERSONAL_FI,
        "Salasana2026!, " + PERSONAL_FI,
        "kirjasto12345, " + PERSONAL_FI,
        "Virtanen20261, " + PERSONAL_FI,
        "qwertyuiopasdf, " + GUESSABLE_FI,
        "zxcvbnmasdfgh, " + GUESSABLE_FI
    })
    void aPatronsActivationRefusesAGuessablePasswordAndSetsNone(String password, String why) throws Exception {
        UUID patron = data.patron("Aino Virtanen", null, null, TestData.unique("p") + "@example.fi", false);
        String link = "/account/activate/" + tokens.issue(TokenPurpose.PATRON_ACTIVATION, patron);

        assertRefused(submit(link, password), password, why);
        assertThat(patronHash(patron)).isNull();
        assertThat(jdbc.sql("SELECT password_set_at IS NULL FROM patron WHERE id = :id")
                        .param("id", patron)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        MockHttpServletResponse done = submit(link, STRONG);
        assertThat(done.getStatus()).isEqualTo(303);
        assertThat(encoder.matches(STRONG, patronHash(patron))).isTrue();
    }

    @Test
    void aSwedishSpeakingPatronsResetSaysWhyInSwedish() throws Exception {
        UUID patron = data.patron("Aino Virtanen", null, null, TestData.unique("p") + "@example.fi", false);
        jdbc.sql("UPDATE patron SET language = 'sv' WHERE id = :id")
                .param("id", patron)
                .update();
        String link = "/account/reset/" + tokens.issue(TokenPurpose.PATRON_RESET, patron);

        // As a browser does: the page, opened first, speaks the patron's language and keeps it in a cookie.
        Cookie[] cookies = mvc.perform(get(link)).andReturn().getResponse().getCookies();
        MockHttpServletResponse page = mvc.perform(post(link)
                        .with(csrf())
                        .cookie(cookies)
                        .param("password", "Virtanen20261")
                        .param("confirmPassword", "Virtanen20261"))
                .andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains(PERSONAL_SV)
                .contains("flera ord som inte hör ihop")
                .doesNotContain("Virtanen20261");
        assertThat(patronHash(patron)).isNull();
    }

    private UUID staff(String displayName) {
        var library = data.library(TestData.unique("Library"));
        String username = TestData.unique("aino");
        var account = staffAccounts.create(
                new NewStaffAccount(
                        username, displayName, username + "@example.fi", "fi", Role.REGISTRAR, library.getId()),
                "test");
        staffAccounts.storePasswordHash(account.getId(), encoder.encode(TestData.PASSWORD));
        // The invitation's own link is issued when its mail is sent, and revokes the earlier ones: the tests' links
        // are issued after it, so it never revokes theirs.
        await().atMost(mailWait())
                .until(() -> !TestMail.to(username + "@example.fi").isEmpty());
        return account.getId();
    }

    private MockHttpServletResponse submit(String link, String password) throws Exception {
        return mvc.perform(post(link).with(csrf()).param("password", password).param("confirmPassword", password))
                .andReturn()
                .getResponse();
    }

    private static void assertRefused(MockHttpServletResponse page, String password, String why) throws Exception {
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains(why).contains(HOW_FI).doesNotContain(password);
    }

    private String staffHash(UUID id) {
        return jdbc.sql("SELECT password_hash FROM staff_account WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String patronHash(UUID id) {
        return jdbc.sql("SELECT password_hash FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .list()
                .get(0);
    }
}
