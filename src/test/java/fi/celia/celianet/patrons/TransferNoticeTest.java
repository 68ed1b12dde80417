package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A transfer tells the patron by their credentials route and shows on the home page of the organisation left. */
class TransferNoticeTest extends IntegrationTest {

    @Test
    void aPatronByEmailIsToldByMailAndTheOrganisationLeftSeesTheTransfer() throws Exception {
        var from = data.library(TestData.unique("Library"));
        var to = data.library(TestData.unique("Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, from).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("moved") + "@example.fi";
        UUID id = register(registrar, "EMAIL", email);
        await().atMost(mailWait()).until(() -> TestMail.to(email), l -> l.size() == 1);

        transfer(id, to);

        var mail = await().atMost(mailWait()).until(() -> TestMail.to(email), l -> l.size() == 2).stream()
                .filter(m -> TestMail.body(m).contains("hoitaa nyt"))
                .findFirst()
                .orElseThrow();
        assertThat(TestMail.body(mail)).contains("Celian asiakkuuttasi hoitaa nyt " + to.getName());
        String home =
                mvc.perform(get("/").with(registrar)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("siirtyi organisaatiolle " + to.getName()).contains(number(id));
    }

    @Test
    void aPatronByPhoneIsNotMailedAndThePatronPageSaysToTellThem() throws Exception {
        var from = data.library(TestData.unique("Library"));
        var to = data.library(TestData.unique("Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, from).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("phone") + "@example.fi";
        UUID id = register(registrar, "PHONE", email);

        var staff = transfer(id, to);

        String page = mvc.perform(get("/patrons/" + id).with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Kerro asiakkaalle, kuka hoitaa nyt hänen asiakkuuttaan: viestiä ei lähetetty");
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_mail WHERE reference_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private UUID register(RequestPostProcessor session, String by, String email) throws Exception {
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), email);
        fields.set("credentialsBy", by);
        var saved = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        return UUID.fromString(saved.getRedirectedUrl().substring("/patrons/".length()));
    }

    private RequestPostProcessor transfer(UUID id, Organisation to) throws Exception {
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(post("/patrons/" + id + "/transfer")
                                .with(staff)
                                .param("organisationId", to.getId().toString()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        return staff;
    }

    private String number(UUID patron) {
        return jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", patron)
                .query(String.class)
                .single();
    }
}
