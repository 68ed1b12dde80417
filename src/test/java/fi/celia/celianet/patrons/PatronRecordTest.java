package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Editing with history, closing and erasing. */
class PatronRecordTest extends IntegrationTest {

    @Test
    void anEditKeepsWhoWhenAndTheOldAndNewValueAndIsValidatedLikeTheRegistration() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        UUID id = register(session, PatronFixtures.newCode());

        String form = mvc.perform(get("/patrons/" + id + "/edit").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("value=\"Helsinki\"").contains("name=\"guardianName\"");

        var invalid = mvc.perform(post("/patrons/" + id)
                        .with(session)
                        .param("email", "uusi@example.fi")
                        .param("language", "sv")
                        .param("services", "CD_CLUBS")
                        .param("city", "Espoo"))
                .andReturn()
                .getResponse();
        assertThat(invalid.getStatus()).isEqualTo(200);
        assertThat(invalid.getContentAsString())
                .contains("CD-kerhoja varten tarvitaan katuosoite")
                .contains("value=\"Espoo\"");

        var saved = mvc.perform(post("/patrons/" + id)
                        .with(session)
                        .param("email", "uusi@example.fi")
                        .param("language", "sv")
                        .param("services", "ONLINE")
                        .param("services", "CD_CLUBS")
                        .param("streetAddress", "Uusikatu 1")
                        .param("postalCode", "02100")
                        .param("city", "Espoo")
                        .param("credentialsTo", "PATRON"))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        String page = mvc.perform(get("/patrons/" + id).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Helsinki")
                .contains("Espoo")
                .contains("Postitoimipaikka")
                .contains(registrar.getUsername());
        assertThat(jdbc.sql(
                                "SELECT old_value || '>' || new_value FROM patron_history WHERE patron_id = :id AND field = 'city'")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Helsinki>Espoo");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_CHANGED'")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anEditOverSomeoneElsesNewerChangeEndsOnTheConflictPageAndSavesNothing() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var first = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var second = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        UUID id = register(first, PatronFixtures.newCode());

        String firstForm = mvc.perform(get("/patrons/" + id + "/edit").with(first))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secondForm = mvc.perform(get("/patrons/" + id + "/edit").with(second))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String version = firstForm.replaceAll("(?s).*name=\"version\" value=\"([0-9]+)\".*", "$1");
        assertThat(version).matches("[0-9]+");
        assertThat(secondForm).contains("name=\"version\" value=\"" + version + "\"");

        var saved = mvc.perform(post("/patrons/" + id)
                        .with(second)
                        .param("version", version)
                        .param("language", "fi")
                        .param("services", "ONLINE")
                        .param("email", "toinen@example.fi")
                        .param("city", "Vantaa")
                        .param("credentialsTo", "PATRON"))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);

        var stale = mvc.perform(post("/patrons/" + id)
                        .with(first)
                        .param("version", version)
                        .param("language", "fi")
                        .param("services", "ONLINE")
                        .param("email", "ensimmainen@example.fi")
                        .param("city", "Turku")
                        .param("credentialsTo", "PATRON"))
                .andReturn()
                .getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString())
                .contains("Tieto on muuttunut")
                .contains("Joku muu muutti tätä tietoa samaan aikaan");
        assertThat(jdbc.sql("SELECT city || ' ' || email FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Vantaa toinen@example.fi");
        assertThat(jdbc.sql(
                                "SELECT string_agg(new_value, ',' ORDER BY new_value) FROM patron_history WHERE patron_id = :id AND field = 'city'")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Vantaa");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_CHANGED'")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // read afresh, the same edit saves
        String fresh = mvc.perform(get("/patrons/" + id + "/edit").with(first))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String newVersion = fresh.replaceAll("(?s).*name=\"version\" value=\"([0-9]+)\".*", "$1");
        assertThat(newVersion).isNotEqualTo(version);
        assertThat(mvc.perform(post("/patrons/" + id)
                                .with(first)
                                .param("version", newVersion)
                                .param("language", "fi")
                                .param("services", "ONLINE")
                                .param("email", "ensimmainen@example.fi")
                                .param("city", "Turku")
                                .param("credentialsTo", "PATRON"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        assertThat(jdbc.sql("SELECT city FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Turku");
    }

    @Test
    void serviceStaffCloseAndThenEraseAPatronKeepingTheNumberAndTheAuditTrail() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrarSession = signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        UUID id = register(registrarSession, code);
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();

        assertThat(mvc.perform(post("/patrons/" + id + "/close")
                                .with(registrarSession)
                                .param("reason", "muutti"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        var noReason = mvc.perform(post("/patrons/" + id + "/close").with(staff).param("reason", " "))
                .andReturn();
        assertThat(noReason.getFlashMap().get("actionProblem")).isEqualTo("patrons.close.reasonRequired");
        assertThat(mvc.perform(post("/patrons/" + id + "/erase").with(staff))
                        .andReturn()
                        .getFlashMap()
                        .get("actionProblem"))
                .isEqualTo("patrons.erase.notClosed");

        assertThat(mvc.perform(post("/patrons/" + id + "/close").with(staff).param("reason", "Asiakkaan pyyntö"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        assertThat(jdbc.sql("SELECT status FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("CLOSED");
        String keptResults = PatronFixtures.searchLocation(mvc, staff, code, null);
        assertThat(mvc.perform(get(keptResults).with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/patrons/" + id)
                .contains("Suljettu");
        var refusedReset = mvc.perform(
                        post("/patrons/" + id + "/password-reset").with(staff))
                .andReturn()
                .getResponse();
        assertThat(refusedReset.getStatus()).isEqualTo(409);
        assertThat(refusedReset.getContentAsString())
                .contains("Asiakas ei ole voimassa: vaihtolinkkiä ei lähetetty")
                .doesNotContain("class=\"flash\"");

        assertThat(mvc.perform(post("/patrons/" + id + "/erase").with(staff))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        var row = jdbc.sql(
                        "SELECT patron_number, identity_code_sealed, first_name, last_name, email, birth_date, status FROM patron WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("patron_number")).isEqualTo(number);
        assertThat(row.get("identity_code_sealed")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("birth_date")).isNull();
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE target_id = :id AND action IN ('PATRON_REGISTERED', 'PATRON_CLOSED', 'PATRON_ERASED')")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        String page = mvc.perform(get("/patrons/" + id).with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(number).contains("Poistettu").doesNotContain(code.substring(0, 7));
        // the erasure reaches the kept search that found the patron by identity code
        assertThat(jdbc.sql("SELECT count(*) FROM kept_search_patron WHERE patron_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(mvc.perform(get(keptResults).with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Aiemmat hakutulokset ovat vanhentuneet")
                .doesNotContain(code.substring(0, 7));
        // the identity code is free again: the person can be registered anew
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                        .param("c", TestSealing.index(code))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void serviceStaffMoveAPatronToAnotherOrganisation() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var school = data.library(TestData.unique("School"));
        UUID id = register(
                signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD),
                PatronFixtures.newCode());
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/patrons/" + id).with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/patrons/" + id + "/transfer");
        assertThat(mvc.perform(post("/patrons/" + id + "/transfer")
                                .with(staff)
                                .param("organisationId", school.getId().toString()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        assertThat(jdbc.sql("SELECT organisation_id FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(UUID.class)
                        .single())
                .isEqualTo(school.getId());
        var schoolSession = signIn(data.account(Role.REGISTRAR, school).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/patrons/" + id).with(schoolSession))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(library.getName() + " → " + school.getName());
    }

    private UUID register(RequestPostProcessor session, String code) throws Exception {
        var response = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(
                                UUID.randomUUID().toString(), code, TestData.unique("rec") + "@example.fi")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(303);
        return UUID.fromString(response.getRedirectedUrl().substring("/patrons/".length()));
    }
}
