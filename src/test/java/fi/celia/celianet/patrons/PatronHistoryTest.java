package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A patron's history tells what was done to the record and by whom, each person with the organisation they acted
 * for at the time: a registrar keeps their own library after the patron has moved, the service's staff show as the
 * service. Opening the page is not a change: it stays in the audit trail only.
 */
class PatronHistoryTest extends IntegrationTest {

    private static final List<String> COLUMN_NAMES =
            List.of("street_address", "postal_code", "city", "email", "PATRON_CHANGED", "PATRON_VIEWED");

    @Test
    void theHistoryNamesEachActorWithTheirOrganisationThenAndShowsChangesNotViews() throws Exception {
        var libraryA = data.library(TestData.unique("Library A"));
        var libraryB = data.library(TestData.unique("Library B"));
        var registrarA = data.account(Role.REGISTRAR, libraryA);
        var staffMember = data.account(Role.STAFF, null);
        var registrarB = data.account(Role.REGISTRAR, libraryB);
        var sessionA = signIn(registrarA.getUsername(), TestData.PASSWORD);
        var staff = signIn(staffMember.getUsername(), TestData.PASSWORD);
        var sessionB = signIn(registrarB.getUsername(), TestData.PASSWORD);

        String email = TestData.unique("history") + "@example.fi";
        var registered = mvc.perform(post("/patrons")
                        .with(sessionA)
                        .params(PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), email)))
                .andReturn()
                .getResponse();
        assertThat(registered.getStatus()).isEqualTo(303);
        UUID id = UUID.fromString(registered.getRedirectedUrl().substring("/patrons/".length()));
        view(id, sessionA);
        view(id, sessionA);

        // the service's staff member moves the patron's address
        assertThat(edit(id, staff, email, "Uusikatu 1", "02100", "Espoo")).isEqualTo(303);
        view(id, staff);
        assertThat(mvc.perform(post("/patrons/" + id + "/transfer")
                                .with(staff)
                                .param("organisationId", libraryB.getId().toString()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        // library B's registrar now keeps the record
        String newEmail = TestData.unique("history-new") + "@example.fi";
        assertThat(edit(id, sessionB, newEmail, "Uusikatu 1", "02100", "Espoo")).isEqualTo(303);
        view(id, sessionB);

        Document page = view(id, sessionB);
        List<Element> rows = page.select("#history-entries tbody tr");
        assertThat(rows).extracting(Element::text).hasSize(4);
        assertThat(cells(rows.get(0)))
                .containsExactly(
                        registrarB.getUsername() + " (" + libraryB.getName() + ")",
                        "Tietoja muutettu",
                        "Sähköpostiosoite");
        assertThat(cells(rows.get(1)))
                .containsExactly(
                        staffMember.getUsername() + " (Celia)",
                        "Vastuu siirretty toiselle organisaatiolle",
                        libraryA.getName() + " → " + libraryB.getName());
        assertThat(cells(rows.get(2)))
                .containsExactly(
                        staffMember.getUsername() + " (Celia)",
                        "Tietoja muutettu",
                        "Katuosoite, Postinumero, Postitoimipaikka");
        assertThat(cells(rows.get(3)))
                .containsExactly(registrarA.getUsername() + " (" + libraryA.getName() + ")", "Rekisteröity", "");
        // the table of changed values names the same people the same way
        assertThat(page.select("#change-entries tbody tr").stream()
                        .map(r -> cells(r).subList(0, 2))
                        .toList())
                .containsExactly(
                        List.of(registrarB.getUsername() + " (" + libraryB.getName() + ")", "Sähköpostiosoite"),
                        List.of(staffMember.getUsername() + " (Celia)", "Vastuuorganisaatio"),
                        List.of(staffMember.getUsername() + " (Celia)", "Postitoimipaikka"),
                        List.of(staffMember.getUsername() + " (Celia)", "Postinumero"),
                        List.of(staffMember.getUsername() + " (Celia)", "Katuosoite"));
        String history = page.select("#history").text();
        assertThat(history).doesNotContain("Katsoi asiakkaan sivua");
        COLUMN_NAMES.forEach(name -> assertThat(history).doesNotContain(name));
        // the registration still names the registrar's own library, not the one the patron moved to
        assertThat(page.select("#registration-saved").text())
                .contains(libraryA.getName())
                .doesNotContain(libraryB.getName());
        assertThat(page.select("#history-title").text()).isEqualTo("Historia");

        // the same in Swedish
        Document swedish = Jsoup.parse(
                mvc.perform(get("/patrons/" + id).param("lang", "sv").with(sessionB))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        List<Element> svRows = swedish.select("#history-entries tbody tr");
        assertThat(svRows).hasSize(4);
        assertThat(cells(svRows.get(2)))
                .containsExactly(
                        staffMember.getUsername() + " (Celia)",
                        "Uppgifter ändrade",
                        "Gatuadress, Postnummer, Postanstalt");
        assertThat(cells(svRows.get(3)).get(1)).isEqualTo("Registrerad");
        assertThat(swedish.select("#history").text()).doesNotContain("Visade kundens sida");

        // every view is still in the audit trail, with whom the viewer acted for
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_VIEWED'")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(6);
        assertThat(jdbc.sql(
                                """
                SELECT action || ' ' || coalesce(actor_organisation_id::text, '-') || ' ' || actor_service
                FROM audit_event WHERE target_id = :id AND action <> 'PATRON_VIEWED' ORDER BY id""")
                        .param("id", id.toString())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "PATRON_REGISTERED " + libraryA.getId() + " false",
                        "PATRON_CHANGED - true",
                        "PATRON_TRANSFERRED - true",
                        "PATRON_CHANGED " + libraryB.getId() + " false");
    }

    private Document view(UUID id, RequestPostProcessor session) throws Exception {
        var response =
                mvc.perform(get("/patrons/" + id).with(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private int edit(UUID id, RequestPostProcessor session, String email, String street, String postalCode, String city)
            throws Exception {
        return mvc.perform(post("/patrons/" + id)
                        .with(session)
                        .param("email", email)
                        .param("phone", "+358 40 123 4567")
                        .param("language", "fi")
                        .param("services", "ONLINE")
                        .param("services", "CD_CLUBS")
                        .param("streetAddress", street)
                        .param("postalCode", postalCode)
                        .param("city", city)
                        .param("credentialsTo", "PATRON"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    /** Who, what and the details: the cells after the time. */
    private static List<String> cells(Element row) {
        return row.select("td").stream().skip(1).map(Element::text).toList();
    }
}
