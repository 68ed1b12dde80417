package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestSealing;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@ExtendWith(OutputCaptureExtension.class)
class PatronRegistrationTest extends IntegrationTest {

    @Test
    void aRegistrarRegistersAPatronAndThePageSaysWhoWhenWhereAndThatTheCredentialsWereSent(CapturedOutput output)
            throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);

        String form = mvc.perform(get("/patrons/new").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form)
                .contains("name=\"submissionToken\"")
                .contains("name=\"hetu\"")
                .contains("name=\"services\"");
        String token = form.replaceAll("(?s).*name=\"submissionToken\" value=\"([^\"]+)\".*", "$1");
        assertThat(token).hasSizeLessThan(60);

        String code = PatronFixtures.newCode();
        String typed = " " + code.toLowerCase() + " ";
        String email = TestData.unique("aino") + "@example.fi";
        var fields = PatronFixtures.form(token, typed, email);
        fields.set("organisationId", UUID.randomUUID().toString()); // a registrar cannot choose: ignored
        MvcResult result =
                mvc.perform(post("/patrons").with(session).params(fields)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(303);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/patrons/[0-9a-f-]{36}");
        UUID id = UUID.fromString(location.substring("/patrons/".length()));

        var row = jdbc.sql(
                        "SELECT identity_code_key, patron_number, organisation_id, registered_by, status FROM patron WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("identity_code_key")).isEqualTo("test");
        assertThat(TestSealing.identityCode(jdbc, id)).isEqualTo(code.toUpperCase());
        assertThat((String) row.get("patron_number")).matches("C[0-9]{7}");
        assertThat(row.get("organisation_id")).isEqualTo(library.getId());
        assertThat(row.get("registered_by")).isEqualTo(registrar.getId());
        assertThat(row.get("status")).isEqualTo("ACTIVE");

        var mails = await().atMost(mailWait()).until(() -> TestMail.to(email), list -> !list.isEmpty());
        assertThat(mails).hasSize(1);
        String body = TestMail.body(mails.get(0));
        assertThat(body).contains((String) row.get("patron_number"));
        assertThat(TestMail.linkPath(mails.get(0))).startsWith("/account/activate/");

        String page = mvc.perform(get(location).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(registrar.getDisplayName())
                .contains(library.getName())
                .contains((String) row.get("patron_number"))
                .contains(code.substring(0, 7) + "****")
                .doesNotContain(code.toUpperCase());
        await().atMost(mailWait()).until(() -> mvc.perform(get(location).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .contains("Tunnussähköposti lähetetty"));

        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_VIEWED'")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
        assertThat(output.getAll()).doesNotContain(code.toUpperCase()).doesNotContain(code.toLowerCase());
    }

    @Test
    void theSavedMessageIsShownAfterTheRedirect() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(
                UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("p") + "@example.fi");
        var flash = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("flashMessage")).isEqualTo("patrons.registration.saved");
    }

    @Test
    void eachIdentityCodeRuleHasItsOwnMessageAndTheInputIsKept() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String valid = PersonalIdentityCode.of(LocalDate.of(1952, 10, 13), '-', 308);
        String[][] cases = {
            {"", "Kirjoita henkilötunnus"},
            {"13105-308T", "11 merkkiä"},
            {valid.substring(0, 6) + "Q" + valid.substring(7), "Seitsemännen merkin"},
            {"310252-308T", "päivämäärää ei ole olemassa"},
            {valid.substring(0, 10) + (valid.charAt(10) == 'A' ? 'B' : 'A'), "Tarkistusmerkki"},
            {PersonalIdentityCode.of(LocalDate.of(1952, 10, 13), '-', 912), "väliaikainen"},
        };
        for (String[] c : cases) {
            var fields = PatronFixtures.form(UUID.randomUUID().toString(), c[0], "x@example.fi");
            String lastName = fields.getFirst("lastName");
            var response = mvc.perform(post("/patrons").with(session).params(fields))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(c[0]).isEqualTo(200);
            String body = response.getContentAsString();
            assertThat(body).as(c[0]).contains(c[1]).contains("value=\"" + lastName + "\"");
            if (!c[0].isEmpty()) {
                assertThat(body).contains("value=\"" + c[0] + "\"");
            }
        }
    }

    @Test
    void crossFieldRulesEachGiveAMessage() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), "");
        fields.set("streetAddress", "");
        fields.set("postalCode", "123");
        fields.set("firstName", "x".repeat(10_000));
        fields.set("consent", "false");
        String body = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .contains("Verkkopalvelua varten tarvitaan sähköpostiosoite")
                .contains("CD-kerhoja varten tarvitaan katuosoite")
                .contains("Postinumerossa on viisi numeroa".substring(0, 5))
                .contains("enintään 100 merkkiä")
                .contains("suostumusta")
                .contains("x".repeat(10_000));
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE organisation_id = :o")
                        .param("o", library.getId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aChildNeedsAGuardianAndTheGuardiansConsent() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String child = PersonalIdentityCode.of(LocalDate.now().minusYears(10), 'A', 200 + new Random().nextInt(600));
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), child, TestData.unique("c") + "@example.fi");
        String body = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .contains("kirjoita huoltajan nimi")
                .contains("huoltajan puhelinnumero")
                .contains("huoltajan suostumusta");
        fields.set("guardianName", "Äiti Testinen");
        fields.set("guardianPhone", "040 123 4567");
        fields.set("guardianConsent", "true");
        assertThat(mvc.perform(post("/patrons").with(session).params(fields))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
    }

    @Test
    void serviceStaffChooseTheOrganisation() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var staff = data.account(Role.STAFF, null);
        var session = signIn(staff.getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(
                UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("s") + "@example.fi");
        String body = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("Valitse asiakkaasta vastaava organisaatio");
        fields.set("organisationId", library.getId().toString());
        String location = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(jdbc.sql("SELECT organisation_id FROM patron WHERE id = :id")
                        .param("id", UUID.fromString(location.substring(9)))
                        .query(UUID.class)
                        .single())
                .isEqualTo(library.getId());
    }

    @Test
    void theRegistrarsHomePageListsTheLatestRegistrationsWithTheirMailStatus() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("home") + "@example.fi";
        var location = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), email)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        await().atMost(mailWait()).until(() -> TestMail.to(email).size() == 1);
        await().atMost(mailWait()).untilAsserted(() -> assertThat(mvc.perform(get("/").with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Viimeisimmät rekisteröinnit")
                .contains("href=\"" + location + "\"")
                .contains("Tunnussähköposti lähetetty"));
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/").with(staff)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Viimeisimmät rekisteröinnit");
    }

    static RequestPostProcessor noop() {
        return request -> request;
    }

    static MockHttpSession none() {
        return new MockHttpSession();
    }
}
