package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.RealHttp;
import fi.celia.celianet.support.TestData;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

class PatronSearchTest extends IntegrationTest {

    @Test
    void aRegistrarFindsTheirOwnPatronsByEachKindOfQueryWithTheCodeMasked() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        String unique = Long.toString(System.nanoTime(), 36);
        String email = TestData.unique("Search") + "@Example.fi";
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), code, email);
        fields.set("firstName", "Väinö");
        fields.set("lastName", "Äkräs-Ñúñez" + unique);
        UUID id = register(session, fields);
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();

        for (String q : new String[] {
            code,
            code.toLowerCase(),
            number,
            number.toLowerCase(),
            email.toLowerCase(),
            "vaino akras-nunez" + unique,
            "ÄKRÄS-ÑÚÑEZ" + unique.toUpperCase(),
            "nunez" + unique
        }) {
            String body = search(session, q, null);
            assertThat(body).as(q).contains("/patrons/" + id).contains(number).contains(code.substring(0, 7) + "****");
            assertThat(body).as(q).doesNotContain(code).doesNotContain(code.toLowerCase());
        }
        var tooShort = mvc.perform(post("/patrons/search").with(session).param("q", "äk"))
                .andReturn()
                .getResponse();
        assertThat(tooShort.getStatus()).isEqualTo(200);
        assertThat(tooShort.getContentAsString()).contains("Nimihaussa tarvitaan vähintään 3 merkkiä");
        assertThat(search(session, "nobody-" + unique, null)).contains("Asiakkaita ei löytynyt");
    }

    @Test
    void anotherOrganisationsRegistrarLearnsOnlyWhoRegisteredTheCodeAndCannotOpenThePatron() throws Exception {
        var owner = data.library(TestData.unique("Library"));
        var other = data.library(TestData.unique("School"));
        var ownerSession = signIn(data.account(Role.REGISTRAR, owner).getUsername(), TestData.PASSWORD);
        var otherRegistrar = data.account(Role.MAIN_USER, other);
        var otherSession = signIn(otherRegistrar.getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), code, TestData.unique("o") + "@example.fi");
        UUID id = register(ownerSession, fields);
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();

        String byCode = search(otherSession, code, null);
        assertThat(byCode)
                .contains("Tämän henkilötunnuksen on jo rekisteröinyt " + owner.getName())
                .doesNotContain(number)
                .doesNotContain("href=\"/patrons/" + id)
                .doesNotContain(fields.getFirst("lastName"));
        assertThat(search(otherSession, fields.getFirst("lastName"), null)).contains("Asiakkaita ei löytynyt");
        assertThat(search(otherSession, number, null)).contains("Asiakkaita ei löytynyt");

        assertThat(mvc.perform(get("/patrons/" + id).with(otherSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/patrons/" + id + "/reveal").with(otherSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/patrons/" + id + "/password-reset").with(otherSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/patrons/" + id + "/credentials/resend").with(otherSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        var http = new RealHttp(port);
        http.signIn(otherRegistrar.getUsername(), TestData.PASSWORD);
        var page = http.get("/patrons/" + id);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(fields.getFirst("lastName"));
    }

    @Test
    void serviceStaffSeeEveryPatronAndCanFilterByLibrary() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var elsewhere = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(
                UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("f") + "@example.fi");
        UUID id = register(session, fields);
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(search(staff, fields.getFirst("lastName"), null)).contains("/patrons/" + id);
        assertThat(search(staff, fields.getFirst("lastName"), library.getId())).contains("/patrons/" + id);
        assertThat(search(staff, fields.getFirst("lastName"), elsewhere.getId()))
                .doesNotContain("/patrons/" + id);
        assertThat(mvc.perform(get("/patrons/" + id).with(staff))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aSearchPageHoldsAtMostFiftyPatrons() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String family = "Sukunimi" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 51; i++) {
            var fields = PatronFixtures.form(
                    UUID.randomUUID().toString(), PatronFixtures.newCode(), TestData.unique("page") + "@example.fi");
            fields.set("firstName", "Etunimi" + i);
            fields.set("lastName", family);
            fields.set("confirmSoftDuplicate", "true");
            register(session, fields);
        }
        String first = search(session, family, null);
        assertThat(first.split("href=\"/patrons/[0-9a-f-]{36}\\?from=[0-9a-f-]{36}\"", -1))
                .hasSize(51);
        assertThat(first).contains("name=\"page\" value=\"1\"");
        var next = mvc.perform(
                        post("/patrons/search").with(session).param("q", family).param("page", "1"))
                .andReturn()
                .getResponse();
        assertThat(next.getStatus()).isEqualTo(303);
        String second = mvc.perform(get(next.getRedirectedUrl()).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second.split("href=\"/patrons/[0-9a-f-]{36}\\?from=[0-9a-f-]{36}\"", -1))
                .hasSize(2);
    }

    @Test
    void revealingTheCodeShowsItOnThePageAndIsAudited() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        UUID id = register(
                session, PatronFixtures.form(UUID.randomUUID().toString(), code, TestData.unique("r") + "@example.fi"));
        assertThat(mvc.perform(get("/patrons/" + id).with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(code);
        var revealed = mvc.perform(post("/patrons/" + id + "/reveal").with(session))
                .andReturn()
                .getResponse();
        assertThat(revealed.getStatus()).isEqualTo(200);
        assertThat(revealed.getContentAsString()).contains(code);
        assertThat(revealed.getContentAsString().replaceAll("(?s).*<title>(.*?)</title>.*", "$1"))
                .doesNotContain(code);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_IDENTITY_CODE_REVEALED' AND actor = :a")
                        .param("id", id.toString())
                        .param("a", registrar.getUsername())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRegistrarWhoFindsAPatronByExactCodeCanTakeItOverWhenThePatronAgrees() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var school = data.library(TestData.unique("School"));
        var librarySession = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var teacher = data.account(Role.REGISTRAR, school);
        var schoolSession = signIn(teacher.getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        UUID id = register(
                librarySession,
                PatronFixtures.form(UUID.randomUUID().toString(), code, TestData.unique("t") + "@example.fi"));
        assertThat(mvc.perform(get("/patrons/" + id).with(schoolSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        String results = search(schoolSession, code, null);
        assertThat(results).contains("/patrons/" + id + "/transfer").doesNotContain(code);
        String grant =
                Jsoup.parse(results).select("#transfer input[name=grant]").val();
        assertThat(grant).matches("[0-9a-f-]{36}");
        // a made-up grant, and the grant in another registrar's hands, take nothing over
        assertThat(mvc.perform(post("/patrons/" + id + "/transfer")
                                .with(schoolSession)
                                .param("grant", UUID.randomUUID().toString())
                                .param("patronAgreed", "true"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        var colleague = signIn(data.account(Role.REGISTRAR, school).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(post("/patrons/" + id + "/transfer")
                                .with(colleague)
                                .param("grant", grant)
                                .param("patronAgreed", "true"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        var notAgreed = mvc.perform(
                        post("/patrons/" + id + "/transfer").with(schoolSession).param("grant", grant))
                .andReturn()
                .getResponse();
        assertThat(notAgreed.getStatus()).isEqualTo(200);
        assertThat(notAgreed.getContentAsString())
                .contains("Valitse, että asiakas suostui siirtoon")
                .contains("value=\"" + grant + "\"")
                .doesNotContain(code);
        assertThat(mvc.perform(get("/patrons/" + id).with(schoolSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        var moved = mvc.perform(post("/patrons/" + id + "/transfer")
                        .with(schoolSession)
                        .param("grant", grant)
                        .param("patronAgreed", "true"))
                .andReturn()
                .getResponse();
        assertThat(moved.getStatus()).isEqualTo(303);
        assertThat(moved.getRedirectedUrl()).isEqualTo("/patrons/" + id);
        String page = mvc.perform(get("/patrons/" + id).with(schoolSession))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(library.getName() + " → " + school.getName());
        assertThat(mvc.perform(get("/patrons/" + id).with(librarySession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_TRANSFERRED' AND actor = :a")
                        .param("id", id.toString())
                        .param("a", teacher.getUsername())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM patron_history WHERE patron_id = :id AND field = 'organisation'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private String search(RequestPostProcessor session, String q, UUID organisationId) throws Exception {
        return PatronFixtures.search(mvc, session, q, organisationId);
    }

    private UUID register(RequestPostProcessor session, MultiValueMap<String, String> fields) throws Exception {
        var response = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(303);
        return UUID.fromString(response.getRedirectedUrl().substring("/patrons/".length()));
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
