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
import fi.celia.celianet.support.TestSealing;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatronRegistrationRulesTest extends IntegrationTest {

    @Test
    void theSameNameAndBirthDateUnderAnotherCodeWarnsAndCanBeConfirmed() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String first = PatronFixtures.newCode();
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), first, TestData.unique("soft") + "@example.fi");
        assertThat(mvc.perform(post("/patrons").with(session).params(fields))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);

        // same birth date (the date part of the code) and name, another individual number and century letter
        String second = first.substring(0, 6) + (first.charAt(6) == '-' ? 'Y' : '-') + first.substring(7, 10);
        second = second + PersonalIdentityCode.checkCharacter(first.substring(0, 6) + first.substring(7, 10));
        var again = PatronFixtures.form(UUID.randomUUID().toString(), second, TestData.unique("soft2") + "@example.fi");
        again.set("firstName", fields.getFirst("firstName"));
        again.set("lastName", fields.getFirst("lastName"));
        var warned = mvc.perform(post("/patrons").with(session).params(again))
                .andReturn()
                .getResponse();
        assertThat(warned.getStatus()).isEqualTo(200);
        assertThat(warned.getContentAsString())
                .contains("Mahdollisesti sama henkilö")
                .contains("name=\"confirmSoftDuplicate\"");
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                        .param("c", TestSealing.index(second))
                        .query(Integer.class)
                        .single())
                .isZero();

        again.set("confirmSoftDuplicate", "true");
        assertThat(mvc.perform(post("/patrons").with(session).params(again))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                        .param("c", TestSealing.index(second))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void credentialsCanGoToTheContactPerson() throws Exception {
        var library = data.library(TestData.unique("School"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String teacher = TestData.unique("teacher") + "@example.fi";
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), "");
        fields.set("credentialsTo", "CONTACT");
        var missing = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(missing.getContentAsString()).contains("Kirjoita yhteyshenkilön sähköpostiosoite");
        fields.set("contactName", "Erityisopettaja Testinen");
        fields.set("contactRelation", "erityisopettaja");
        fields.set("contactEmail", teacher);
        assertThat(mvc.perform(post("/patrons").with(session).params(fields))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        var mail = await().atMost(mailWait())
                .until(() -> TestMail.to(teacher), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.linkPath(mail)).startsWith("/account/activate/");
    }

    @Test
    void credentialsOnPaperSendNoMailAndNeedARegistrationInPerson() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), "");
        fields.set("credentialsBy", "IN_PERSON");
        assertThat(mvc.perform(post("/patrons").with(session).params(fields))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Tulostetun kirjeen voi ojentaa vain");
        fields.set("channel", "IN_PERSON");
        var saved = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(mvc.perform(get(saved.getRedirectedUrl()).with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Tulostettu kirje ojennetaan paikan päällä")
                .contains("/letter");

        var letter = mvc.perform(post(saved.getRedirectedUrl() + "/letter").with(session))
                .andReturn()
                .getResponse();
        assertThat(letter.getContentType()).isEqualTo("application/pdf");
        assertThat(letter.getHeader("Cache-Control")).isEqualTo("no-store");
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", UUID.fromString(saved.getRedirectedUrl().substring(9)))
                .query(String.class)
                .single();
        String text = LetterPdfs.text(letter.getContentAsByteArray());
        assertThat(text).contains(number);
        String code = LetterPdfs.codes(text).get(0);
        assertThat(mvc.perform(post("/activate").with(csrf()).param("code", code))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("name=\"password\"");
        // printing again issues a new code and the first stops working
        mvc.perform(post(saved.getRedirectedUrl() + "/letter").with(session));
        assertThat(mvc.perform(post("/activate").with(csrf()).param("code", code))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(410);
    }

    @Test
    void onlyServiceStaffRegisterAPersonWithoutAnIdentityCode() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), "", TestData.unique("nocode") + "@example.fi");
        fields.set("noIdentityCode", "true");
        fields.set("birthDate", "14.3.1961");
        fields.set("noIdentityCodeReason", "Ulkomainen opiskelija");
        var refused = mvc.perform(post("/patrons").with(registrar).params(fields))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("ohjaa hänet asiakaspalveluun");

        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        fields.set("organisationId", library.getId().toString());
        var saved = mvc.perform(post("/patrons").with(staff).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        UUID id = UUID.fromString(saved.getRedirectedUrl().substring(9));
        var row = jdbc.sql(
                        "SELECT identity_code_sealed, birth_date, no_identity_code_reason FROM patron WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("identity_code_sealed")).isNull();
        assertThat(row.get("birth_date").toString()).isEqualTo("1961-03-14");
        assertThat(mvc.perform(get("/patrons/" + id).with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Ei henkilötunnusta: Ulkomainen opiskelija");
    }

    @Test
    void markupControlCharactersAndHugeInputAreRefusedOrEscapedNeverAServerError() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String[] hostile = {
            "<script>alert(1)</script>", "Aino\u0000", "__${T(java.lang.Runtime).getRuntime()}__", "x".repeat(10_000)
        };
        for (String value : hostile) {
            for (String field : new String[] {
                "firstName",
                "city",
                "contactName",
                "hetu",
                "email",
                "postalCode",
                "phone",
                "language",
                "channel",
                "services",
                "organisationId",
                "submissionToken",
                "birthDate"
            }) {
                var fields = PatronFixtures.form(
                        UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("h") + "@example.fi");
                fields.set(field, value);
                var response = mvc.perform(post("/patrons").with(session).params(fields))
                        .andReturn()
                        .getResponse();
                assertThat(response.getStatus())
                        .as(field + "=" + value.substring(0, Math.min(20, value.length())))
                        .isIn(200, 303);
                assertThat(response.getContentAsString()).doesNotContain("<script>alert(1)</script>");
            }
        }
        // "__${...}__" in a name is stored and shown as text, never evaluated
        var fields = PatronFixtures.form(
                UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("h") + "@example.fi");
        fields.set("lastName", "__${7*7}__");
        var saved = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(mvc.perform(get(saved.getRedirectedUrl()).with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("__${7*7}__")
                .doesNotContain(">Aino 49<");
    }
}
