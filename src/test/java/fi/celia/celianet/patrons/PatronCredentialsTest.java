package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class PatronCredentialsTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "kuusi kirjaa hyllyssä";

    @Test
    void theActivationLinkSetsThePasswordOnceAndThenReadsAsUsed() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("activate") + "@example.fi";
        UUID id = register(session, email);

        MimeMessage mail = await().atMost(mailWait())
                .until(() -> TestMail.to(email), l -> !l.isEmpty())
                .get(0);
        String link = TestMail.linkPath(mail);
        assertThat(link).startsWith("/account/activate/");

        var form = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        var done = mvc.perform(
                        post(link).with(csrf()).param("password", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(done.getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT password_hash FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isNotNull()
                .doesNotContain(NEW_PASSWORD);

        var used = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(used.getStatus()).isEqualTo(410);
        assertThat(used.getContentAsString()).contains("Linkki on jo käytetty");
        var again = mvc.perform(post(link)
                        .with(csrf())
                        .param("password", "toinen salasana tässä")
                        .param("confirmPassword", "toinen salasana tässä"))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(410);

        String page = mvc.perform(get("/patrons/" + id).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Asiakas on asettanut salasanan");
    }

    @Test
    void resendingTheCredentialsInvalidatesTheEarlierLink() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("resend") + "@example.fi";
        UUID id = register(session, email);
        String first = TestMail.linkPath(await().atMost(mailWait())
                .until(() -> TestMail.to(email), l -> l.size() == 1)
                .get(0));

        var resend = mvc.perform(post("/patrons/" + id + "/credentials/resend").with(session))
                .andReturn()
                .getResponse();
        assertThat(resend.getStatus()).isEqualTo(303);
        assertThat(resend.getRedirectedUrl()).isEqualTo("/patrons/" + id);
        var mails = await().atMost(mailWait()).until(() -> TestMail.to(email), l -> l.size() == 2);
        String second = TestMail.linkPath(mails.get(1));

        assertThat(mvc.perform(get(first)).andReturn().getResponse().getStatus())
                .isEqualTo(410);
        assertThat(mvc.perform(get(second)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void theCredentialsAreSentAgainAtMostThreeTimesAnHourPerPatron() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("resendlimit") + "@example.fi";
        UUID id = register(session, email);

        for (int i = 0; i < 3; i++) {
            var response = mvc.perform(
                            post("/patrons/" + id + "/credentials/resend").with(session))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(303);
        }
        var refused = mvc.perform(post("/patrons/" + id + "/credentials/resend").with(session))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("enintään kolme kertaa tunnissa");
        // the mail at registration and three sent again; the refused fourth never reaches the outbox
        assertThat(credentialsMails(id)).isEqualTo(4);

        clock.advance(Duration.ofMinutes(61));
        assertThat(mvc.perform(post("/patrons/" + id + "/credentials/resend").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        assertThat(credentialsMails(id)).isEqualTo(5);
    }

    private int credentialsMails(UUID id) {
        return jdbc.sql(
                        """
                SELECT count(*) FROM outbound_mail WHERE reference_type = 'PATRON' AND reference_id = :id
                AND split_part(dedupe_key, ':', 1) = 'patron-credentials'""")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    @Test
    void staffSendAResetLinkAtMostThreeTimesAnHourAndEveryRequestIsAudited() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        String email = TestData.unique("reset") + "@example.fi";
        UUID id = register(session, email);
        await().atMost(mailWait()).until(() -> TestMail.to(email).size() == 1);

        for (int i = 0; i < 3; i++) {
            var response = mvc.perform(
                            post("/patrons/" + id + "/password-reset").with(session))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(303);
        }
        var refused = mvc.perform(post("/patrons/" + id + "/password-reset").with(session))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("enintään kolme vaihtolinkkiä tunnissa");

        var mails = await().atMost(mailWait()).until(() -> TestMail.to(email), l -> l.size() == 4);
        String resetLink = TestMail.linkPath(mails.get(3));
        assertThat(resetLink).startsWith("/account/reset/");
        assertThat(mvc.perform(get(resetLink)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(jdbc.sql(
                                """
                SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_PASSWORD_RESET_REQUESTED'
                AND actor = :actor""")
                        .param("id", id.toString())
                        .param("actor", registrar.getUsername())
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);

        clock.advance(Duration.ofMinutes(61));
        assertThat(mvc.perform(post("/patrons/" + id + "/password-reset").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
    }

    private UUID register(RequestPostProcessor session, String email) throws Exception {
        var response = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), email)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(303);
        return UUID.fromString(response.getRedirectedUrl().substring("/patrons/".length()));
    }
}
