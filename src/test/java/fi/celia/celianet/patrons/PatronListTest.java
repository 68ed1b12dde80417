package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The organisation's patron list: each filter narrows it, it pages and sorts, it never shows another organisation's
 * patrons, and its CSV export opens in Finnish Excel with no identity code and no formula in it. Opening and
 * exporting are audited.
 */
class PatronListTest extends IntegrationTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private Organisation library;
    private StaffAccount registrar;
    private RequestPostProcessor session;

    @BeforeEach
    void library() throws Exception {
        library = data.library(TestData.unique("List Library"));
        registrar = data.account(Role.REGISTRAR, library);
        session = signIn(registrar.getUsername(), TestData.PASSWORD);
    }

    private PatronRows rows() {
        return PatronRows.in(jdbc, library.getId(), registrar.getId());
    }

    private static Instant helsinki(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(HELSINKI).toInstant();
    }

    @Test
    void eachFilterNarrowsTheList() throws Exception {
        UUID aalto = rows().name("Anna", "Aalto")
                .registeredAt(helsinki("2026-01-10T12:00"))
                .credentialsBy("EMAIL")
                .insert();
        UUID berg = rows().name("Bo", "Berg")
                .registeredAt(helsinki("2026-02-15T12:00"))
                .status("CLOSED")
                .services(false, true)
                .credentialsBy("LETTER")
                .insert();
        UUID cedar = rows().name("Cid", "Cedar")
                .registeredAt(helsinki("2026-03-01T00:00"))
                .services(true, true)
                .password()
                .insert();
        UUID dahl = rows().name("Dora", "Dahl")
                .registeredAt(helsinki("2026-03-31T23:59"))
                .credentialsBy("PHONE")
                .insert();
        UUID eklund = rows().name("Eero", "Eklund")
                .registeredAt(helsinki("2026-04-01T00:00"))
                .email("eero@example.fi")
                .insert();

        assertThat(listed(""))
                .containsExactly(number(aalto), number(berg), number(cedar), number(dahl), number(eklund));
        // the days are Helsinki days, both ends included
        assertThat(listed("from=1.3.2026&to=31.3.2026")).containsExactly(number(cedar), number(dahl));
        assertThat(listed("from=2026-04-01")).containsExactly(number(eklund));
        assertThat(listed("to=15.2.2026")).containsExactly(number(aalto), number(berg));
        assertThat(listed("status=CLOSED")).containsExactly(number(berg));
        assertThat(listed("status=ACTIVE")).doesNotContain(number(berg)).hasSize(4);
        assertThat(listed("service=CD_CLUBS")).containsExactly(number(berg), number(cedar));
        assertThat(listed("service=ONLINE")).doesNotContain(number(berg)).hasSize(4);
        assertThat(listed("credentials=ACTIVATED")).containsExactly(number(cedar));
        assertThat(listed("credentials=LETTER_WAITING")).containsExactly(number(berg));
        assertThat(listed("credentials=NONE")).containsExactly(number(aalto));
        assertThat(listed("credentials=QUEUED")).containsExactly(number(dahl), number(eklund));
        assertThat(listed("credentials=QUEUED&from=1.4.2026")).containsExactly(number(eklund));

        Document page = page("credentials=QUEUED&sort=NAME");
        assertThat(page.select("#patron-list tbody tr").first().select("td").eachText())
                .containsExactly(
                        "Dahl, Dora",
                        number(dahl),
                        "31.3.2026",
                        "Voimassa",
                        "Ei vielä lähetetty",
                        "Äänikirjat verkossa");
        assertThat(page.select("#patron-list a[href=/patrons/" + dahl + "]")).hasSize(1);
        assertThat(page.getElementById("list-count").text()).isEqualTo("Asiakkaita 2. Näytetään 1–2.");
        assertThat(page.getElementById("list-download").attr("href"))
                .isEqualTo("/patrons/list.csv?credentials=QUEUED&sort=NAME");
        assertThat(listed("credentials=SENT")).isEmpty();
        assertThat(page("credentials=SENT").getElementById("list-count").text())
                .isEqualTo("Valinnoilla ei löytynyt asiakkaita.");
    }

    @Test
    void aFilterThatCannotBeReadIsAFieldErrorAndListsNothing() throws Exception {
        rows().insert();
        for (String query : List.of(
                "from=31.2.2026",
                "to=yesterday",
                "from=2.3.2026&to=1.3.2026",
                "status=OPEN",
                "credentials=LOST",
                "service=VINYL",
                "sort=SIZE",
                "page=many",
                "from=1.3%002026")) {
            var response = mvc.perform(get("/patrons/list?" + query).with(session))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(query).isEqualTo(200);
            Document page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select(".error-summary a")).as(query).isNotEmpty();
            assertThat(page.getElementById("list-results")).as(query).isNull();
        }
        Document page =
                Jsoup.parse(mvc.perform(get("/patrons/list?from=31.2.2026").with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select(".error-summary a").first().attr("href")).isEqualTo("#from");
        assertThat(page.getElementById("from").attr("value")).isEqualTo("31.2.2026");
        assertThat(page.getElementById("from-error").text())
                .contains("Kirjoita päivämäärä olemassa olevana päivänä, esimerkiksi 1.3.2026.");
    }

    @Test
    void itPagesFiftyAtATimeAndSortsByNameOrRegistrationBothWays() throws Exception {
        assertThat(rows().name("x", "Sivutus")
                        .registeredAt(helsinki("2026-05-01T08:00"))
                        .insertMany(120))
                .isEqualTo(120);

        Document first = page("");
        assertThat(first.select("#patron-list tbody tr")).hasSize(50);
        assertThat(first.getElementById("list-count").text()).isEqualTo("Asiakkaita 120. Näytetään 1–50.");
        assertThat(first.getElementById("list-page").text()).isEqualTo("Sivu 1/3");
        assertThat(first.getElementById("list-previous")).isNull();
        assertThat(first.getElementById("list-next").attr("href")).isEqualTo("/patrons/list?page=1");
        assertThat(names(first).get(0)).isEqualTo("Sivutus, Nro 00001");

        Document last = page("page=2");
        assertThat(last.select("#patron-list tbody tr")).hasSize(20);
        assertThat(last.getElementById("list-count").text()).isEqualTo("Asiakkaita 120. Näytetään 101–120.");
        assertThat(last.getElementById("list-next")).isNull();
        assertThat(last.getElementById("list-previous").attr("href")).isEqualTo("/patrons/list?page=1");
        assertThat(names(last).get(19)).isEqualTo("Sivutus, Nro 00120");

        assertThat(names(page("sort=NAME_DESC")).subList(0, 2))
                .containsExactly("Sivutus, Nro 00120", "Sivutus, Nro 00119");
        assertThat(names(page("sort=REGISTERED_DESC&page=1")).get(0)).isEqualTo("Sivutus, Nro 00070");
        assertThat(names(page("sort=REGISTERED")).get(0)).isEqualTo("Sivutus, Nro 00001");
        Document second = page("sort=REGISTERED_DESC&page=1&service=ONLINE");
        assertThat(second.getElementById("list-next").attr("href"))
                .isEqualTo("/patrons/list?service=ONLINE&sort=REGISTERED_DESC&page=2");
        assertThat(second.select("#patron-list tbody tr td.registered").first().text())
                .isEqualTo("1.5.2026");
        // past the end: an empty page, never an error
        assertThat(page("page=99").select("#patron-list tbody tr")).isEmpty();
    }

    @Test
    void theCountIsKeptAFewMinutesAndTheListSaysHowOldItIs() throws Exception {
        rows().name("Kaisa", "Kesto").insert();
        rows().name("Kalle", "Kesto").insert();
        Document first = page("");
        assertThat(first.getElementById("list-count").text()).isEqualTo("Asiakkaita 2. Näytetään 1–2.");
        assertThat(first.getElementById("list-counted").text()).isEqualTo("Laskettu juuri nyt.");

        // a patron added behind this instance's back (as another instance would): listed, but not counted yet
        rows().name("Kerttu", "Kesto").insert();
        clock.advance(Duration.ofMinutes(2));
        Document kept = page("");
        assertThat(kept.select("#patron-list tbody tr")).hasSize(3);
        assertThat(kept.getElementById("list-count").text()).startsWith("Asiakkaita 2.");
        assertThat(kept.getElementById("list-counted").text()).isEqualTo("Laskettu 2 minuuttia sitten.");

        // past the count's age it is counted again
        clock.advance(Duration.ofMinutes(4));
        Document counted = page("");
        assertThat(counted.getElementById("list-count").text()).isEqualTo("Asiakkaita 3. Näytetään 1–3.");
        assertThat(counted.getElementById("list-counted").text()).isEqualTo("Laskettu juuri nyt.");
    }

    @Test
    void anotherOrganisationsPatronsAreNeverListed() throws Exception {
        UUID own = rows().name("Oma", "Asiakas").insert();
        Organisation other = data.library(TestData.unique("Other Library"));
        StaffAccount otherRegistrar = data.account(Role.REGISTRAR, other);
        UUID foreign = PatronRows.in(jdbc, other.getId(), otherRegistrar.getId())
                .name("Vieras", "Asiakas")
                .insert();

        assertThat(listed("")).containsExactly(number(own));
        for (String path : List.of("/patrons/list", "/patrons/list.csv")) {
            var refused = mvc.perform(get(path)
                            .param("organisationId", other.getId().toString())
                            .with(session))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).as(path).isEqualTo(403);
            assertThat(refused.getContentAsString()).as(path).doesNotContain(number(foreign));
        }
        // a main user is held to the own organisation too
        var mainUser = signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/patrons/list")
                                .param("organisationId", other.getId().toString())
                                .with(mainUser))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(csv(get("/patrons/list.csv").with(mainUser)))
                .contains(number(own))
                .doesNotContain(number(foreign));

        // service staff choose the organisation; nothing is listed until they do
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        Document choose = Jsoup.parse(mvc.perform(get("/patrons/list").with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(choose.getElementById("list-results")).isNull();
        assertThat(choose.select("#organisationId option[value=" + other.getId() + "]"))
                .hasSize(1);
        Document theirs = Jsoup.parse(mvc.perform(get("/patrons/list")
                        .param("organisationId", other.getId().toString())
                        .with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(theirs.select("#patron-list td.number").eachText()).containsExactly(number(foreign));
        assertThat(theirs.getElementById("list-download").attr("href"))
                .isEqualTo("/patrons/list.csv?organisationId=" + other.getId());
        var unknown = mvc.perform(get("/patrons/list")
                        .param("organisationId", UUID.randomUUID().toString())
                        .with(staff))
                .andReturn()
                .getResponse();
        assertThat(unknown.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(unknown.getContentAsString()).select(".error-summary a[href=#organisationId]"))
                .hasSize(1);
    }

    @Test
    void openingTheListIsAudited() throws Exception {
        rows().insert();
        page("status=ACTIVE&page=0");
        var details = jdbc.sql(
                        """
                SELECT details FROM audit_event WHERE actor = :actor AND action = 'PATRON_LIST_VIEWED'
                AND target_type = 'ORGANISATION' AND target_id = :organisation AND outcome = 'SUCCESS'""")
                .param("actor", registrar.getUsername())
                .param("organisation", library.getId().toString())
                .query(String.class)
                .list();
        assertThat(details).hasSize(1);
        assertThat(details.get(0)).contains("status=ACTIVE").contains("page=0").contains("rows=1");
    }

    @Test
    void theCsvOpensInFinnishExcelWithoutIdentityCodesOrFormulas() throws Exception {
        String hetu = PatronFixtures.newCode();
        UUID quoted = rows().name("Matti \"Masa\"", "Virtanen; Oy")
                .identityCode(hetu)
                .registeredAt(helsinki("2026-01-02T09:00"))
                .services(true, true)
                .insert();
        UUID formula = rows().name("=1+1", "Kaava")
                .registeredAt(helsinki("2026-01-03T09:00"))
                .insert();
        UUID minus = rows().name("Miina", "-Miinus")
                .registeredAt(helsinki("2026-01-04T09:00"))
                .insert();
        clock.set(Instant.parse("2026-06-15T21:30:00Z"));

        var response = mvc.perform(
                        get("/patrons/list.csv").param("sort", "REGISTERED").with(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        // the day in Helsinki, already the 16th
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"asiakkaat-2026-06-16.csv\"");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines)
                .containsExactly(
                        "Sukunimi;Etunimet;Asiakasnumero;Rekisteröity;Tila;Tunnusten tilanne;Palvelut",
                        "\"Virtanen; Oy\";\"Matti \"\"Masa\"\"\";" + number(quoted)
                                + ";2.1.2026;Voimassa;Ei lähetetä: ei sähköpostiosoitetta;Äänikirjat verkossa, CD-kirjat",
                        "Kaava;'=1+1;" + number(formula)
                                + ";3.1.2026;Voimassa;Ei lähetetä: ei sähköpostiosoitetta;Äänikirjat verkossa",
                        "'-Miinus;Miina;" + number(minus)
                                + ";4.1.2026;Voimassa;Ei lähetetä: ei sähköpostiosoitetta;Äänikirjat verkossa");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(hetu);
        assertThat(text).doesNotContain(hetu);

        var audit = jdbc.sql(
                        """
                SELECT details FROM audit_event WHERE actor = :actor AND action = 'PATRON_LIST_EXPORTED'
                AND target_id = :organisation AND outcome = 'SUCCESS'""")
                .param("actor", registrar.getUsername())
                .param("organisation", library.getId().toString())
                .query(String.class)
                .list();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).contains("rows=3").contains("sort=REGISTERED").doesNotContain("Virtanen");
    }

    @Test
    void theCsvHeaderAndFileNameAreInTheUsersLanguageAndTheFiltersApply() throws Exception {
        rows().name("Anna", "Aktiv").insert();
        rows().name("Sven", "Stängd").status("CLOSED").insert();
        clock.set(Instant.parse("2026-06-15T09:00:00Z"));
        var response = mvc.perform(get("/patrons/list.csv")
                        .param("status", "CLOSED")
                        .param("lang", "sv")
                        .with(session))
                .andReturn()
                .getResponse();
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kunder-2026-06-15.csv\"");
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text.split("\r\n"))
                .hasSize(2)
                .startsWith(
                        "\uFEFFEfternamn;Förnamn;Kundnummer;Registrerad;Status;Inloggningsuppgifternas läge;Tjänster");
        assertThat(text).contains("Stängd;Sven;").contains(";Stängd;").doesNotContain("Aktiv");
    }

    @Test
    void aCsvWithAFilterThatCannotBeReadAnswersTheListPageWithTheFieldError() throws Exception {
        var response = mvc.perform(
                        get("/patrons/list.csv").param("from", "32.1.2026").with(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(Jsoup.parse(response.getContentAsString()).select(".error-summary a[href=#from]"))
                .hasSize(1);
    }

    @Test
    void thousandsOfPatronsStreamIntoOneFile() throws Exception {
        int count = 3_000;
        assertThat(rows().name("x", "Virta").services(false, true).insertMany(count))
                .isEqualTo(count);
        rows().name("Muu", "Erillinen").services(true, false).insert();

        String text = csv(get("/patrons/list.csv").param("service", "CD_CLUBS").with(session));
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(count + 1);
        assertThat(lines[1]).startsWith("Virta;Nro 00001;");
        assertThat(lines[count]).startsWith("Virta;Nro 03000;");
        assertThat(text).doesNotContain("Erillinen");
        assertThat(jdbc.sql(
                                """
                        SELECT details FROM audit_event WHERE action = 'PATRON_LIST_EXPORTED' AND target_id = :organisation""")
                        .param("organisation", library.getId().toString())
                        .query(String.class)
                        .single())
                .contains("rows=" + count);
    }

    private String csv(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private Document page(String query) throws Exception {
        var response = mvc.perform(get("/patrons/list" + (query.isEmpty() ? "" : "?" + query))
                        .with(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(query).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".error-summary")).as(query).isEmpty();
        return page;
    }

    /** The patron numbers the list shows, in its order (by name unless the query says otherwise). */
    private List<String> listed(String query) throws Exception {
        return page(query).select("#patron-list tbody td.number").eachText();
    }

    private static List<String> names(Document page) {
        return page.select("#patron-list tbody td.name").eachText();
    }

    private String number(UUID patron) {
        return jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", patron)
                .query(String.class)
                .single();
    }
}
