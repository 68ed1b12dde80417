package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestSealing;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reset mail tells only a patron who has set a password that the old one still works; a patron who never did is
 * told that the link activates the account. Both are told, in their language, where patrons sign in.
 */
class PatronResetMailTest extends IntegrationTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fi|Et ole vielä asettanut salasanaa|vanha salasanasi toimii edelleen|Celian verkkokirjasto",
                "sv|Du har inte ännu valt något lösenord|ditt gamla lösenord fungerar fortfarande|Celias webbibliotek"
            })
    void theOldPasswordIsMentionedOnlyWhenThereIsOne(
            String language, String noPassword, String oldWorks, String service) throws Exception {
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("reset-wording") + "@example.fi";
        UUID id = data.patron("Reija Resetti", null, null, email, false);
        jdbc.sql("UPDATE patron SET language = :l WHERE id = :id")
                .param("l", language)
                .param("id", id)
                .update();
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        String code = TestSealing.identityCode(jdbc, id);

        // Never activated: the link activates the account; nothing about an old password.
        assertThat(mvc.perform(post("/patrons/" + id + "/password-reset").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        String first = TestMail.body(await().atMost(mailWait())
                .until(() -> TestMail.to(email), l -> l.size() == 1)
                .get(0));
        assertThat(first)
                .contains(noPassword)
                .doesNotContain(oldWorks)
                .contains(number)
                .contains(service + " (https://celia.fi)")
                .doesNotContain(code);

        // The patron sets a password through that link; the next reset mail says the old one still works.
        String link = TestMail.linkPath(TestMail.to(email).get(0));
        mvc.perform(post(link)
                .with(csrf())
                .param("password", "oma pitkä salalause")
                .param("confirmPassword", "oma pitkä salalause"));
        assertThat(jdbc.sql("SELECT password_hash IS NOT NULL FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(post("/patrons/" + id + "/password-reset").with(session));
        String second =
                TestMail.body(await().atMost(mailWait()).until(() -> TestMail.to(email), l -> l.size() == 2).stream()
                        .filter(m -> !TestMail.body(m).equals(first))
                        .findFirst()
                        .orElseThrow());
        assertThat(second)
                .contains(oldWorks)
                .doesNotContain(noPassword)
                .contains(service)
                .doesNotContain(code);
    }
}
