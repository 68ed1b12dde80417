package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Credentials by phone: the code is shown once on the answer to the POST, then only when it was given. */
class PhoneCodeTest extends IntegrationTest {

    private static final Pattern CODE =
            Pattern.compile("[ACDEFHJKMNPQRTWXY34679]{5}-[ACDEFHJKMNPQRTWXY34679]{5}-[ACDEFHJKMNPQRTWXY34679]{5}");

    @Test
    void theCodeIsShownOnceNeverCachedAndThePageThenSaysWhenItWasGiven() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        UUID id = registerByPhoneWithoutEmail(session);

        String before = page(session, id);
        assertThat(before)
                .contains("Koodi luetaan puhelimessa")
                .contains("Koodia ei ole vielä luettu asiakkaalle puhelimessa")
                .contains("Näytä luettava koodi")
                // nothing is offered by e-mail to a patron with no address to send it to
                .doesNotContain("Lähetä tunnukset uudelleen")
                .doesNotContain("Lähetä salasanan vaihtolinkki");

        var shown = mvc.perform(post("/patrons/" + id + "/phone-code").with(session))
                .andReturn()
                .getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getHeader("Cache-Control")).isEqualTo("no-store");
        var first = CODE.matcher(shown.getContentAsString());
        assertThat(first.find()).isTrue();
        String code = first.group();
        assertThat(shown.getContentAsString()).contains("/activate");

        String after = page(session, id);
        assertThat(after).doesNotContain(code).contains("Koodi annettu puhelimessa");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE action = 'PATRON_PHONE_CODE_GIVEN' AND target_id = :id")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // a second code revokes the first
        var again = mvc.perform(post("/patrons/" + id + "/phone-code").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var second = CODE.matcher(again);
        assertThat(second.find()).isTrue();
        assertThat(second.group()).isNotEqualTo(code);
        assertThat(mvc.perform(post("/activate").with(csrf()).param("code", code))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Koodi on jo käytetty");
    }

    @Test
    void aRefusedResendIsAProblemOnThePageNeverASuccessMessage() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        UUID id = registerByPhoneWithoutEmail(session);

        var resend = mvc.perform(post("/patrons/" + id + "/credentials/resend").with(session))
                .andReturn()
                .getResponse();
        assertThat(resend.getStatus()).isEqualTo(409);
        assertThat(resend.getContentAsString())
                .contains("class=\"warning\" role=\"alert\"")
                .contains("Asiakkaalla ei ole sähköpostiosoitetta tunnuksia varten")
                .doesNotContain("class=\"flash\"");
        var reset = mvc.perform(post("/patrons/" + id + "/password-reset").with(session))
                .andReturn()
                .getResponse();
        assertThat(reset.getStatus()).isEqualTo(409);
        assertThat(reset.getContentAsString()).doesNotContain("class=\"flash\"");
    }

    private UUID registerByPhoneWithoutEmail(RequestPostProcessor session) throws Exception {
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), "");
        fields.set("credentialsBy", "PHONE");
        var saved = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        return UUID.fromString(saved.getRedirectedUrl().substring("/patrons/".length()));
    }

    private String page(RequestPostProcessor session, UUID id) throws Exception {
        return mvc.perform(get("/patrons/" + id).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
