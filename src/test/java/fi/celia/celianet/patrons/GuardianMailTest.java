package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A child's credentials can go to the guardian's e-mail, in a mail addressed to the guardian. */
class GuardianMailTest extends IntegrationTest {

    @Test
    void theGuardianReceivesAChildsCredentialsAddressedToTheGuardianWithoutTheIdentityCode() throws Exception {
        var library = data.library(TestData.unique("School"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String code = PersonalIdentityCode.of(
                Helsinki.dateOf(Instant.now(clock)).minusYears(9),
                'A',
                ThreadLocalRandom.current().nextInt(2, 899));
        String guardian = TestData.unique("guardian") + "@example.fi";
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), code, "");
        fields.set("firstName", "Elsa");
        fields.set("credentialsBy", "EMAIL");
        fields.set("credentialsTo", "GUARDIAN");
        fields.set("guardianName", "Maija Meikäläinen");
        fields.set("guardianEmail", guardian);
        fields.set("guardianConsent", "true");

        var saved = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);

        var mail = await().atMost(mailWait())
                .until(() -> TestMail.to(guardian), l -> l.size() == 1)
                .get(0);
        String body = TestMail.body(mail);
        String child = "Elsa " + fields.getFirst("lastName");
        assertThat(mail.getSubject()).contains(child);
        assertThat(body)
                .startsWith("Hei Maija Meikäläinen,")
                .contains(child + " on rekisteröity Celian asiakkaaksi")
                .contains("huoltajakseen")
                .contains("Aseta hänelle salasana")
                .doesNotContain(code)
                .doesNotContain(code.substring(0, 6));
        assertThat(TestMail.linkPath(mail)).startsWith("/account/activate/");
    }

    @Test
    void anAdultsCredentialsDoNotGoToAGuardian() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), "");
        fields.set("credentialsTo", "GUARDIAN");
        fields.set("guardianName", "Maija Meikäläinen");
        fields.set("guardianEmail", TestData.unique("guardian") + "@example.fi");
        var refused = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("Huoltajan sähköpostiin voi lähettää vain alle 15-vuotiaan tunnukset");
    }
}
