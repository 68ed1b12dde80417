package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A search's result is kept in {@code kept_search} and shown again by a GET: never the identity code, only for its
 * owner, for 30 minutes, with access asked again; a take-over grant in place of the code, used once.
 */
class KeptSearchTest extends IntegrationTest {

    @Test
    void aSearchByIdentityCodeKeepsOnlyThePatronsAndTheMaskedCodeAndIsNotAuditedAgainWhenShownAgain() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        UUID id = data.patron("Kaisa " + TestData.unique("Kätkö"), library, null, null, false);
        String code = identityCode(id);

        var answer = mvc.perform(post("/patrons/search").with(session).param("q", code.toLowerCase()))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(303);
        String location = answer.getRedirectedUrl();
        assertThat(location).matches("/patrons/search/[0-9a-f-]{36}").doesNotContain(code);
        UUID key = UUID.fromString(location.substring("/patrons/search/".length()));

        // the database holds the patron and the masked code, and the code in no column of any kept row
        var row = jdbc.sql("SELECT query_text, masked_code, staff_account_id FROM kept_search WHERE id = :id")
                .param("id", key)
                .query()
                .singleRow();
        assertThat(row.get("query_text")).isNull();
        assertThat(row.get("masked_code")).isEqualTo(code.substring(0, 7) + "****");
        assertThat(row.get("staff_account_id")).isEqualTo(registrar.getId());
        assertThat(jdbc.sql("SELECT patron_id FROM kept_search_patron WHERE kept_search_id = :id ORDER BY position")
                        .param("id", key)
                        .query(UUID.class)
                        .list())
                .containsExactly(id);
        assertThat(everyKeptRowAsText(key)).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(code)
                .doesNotContain(code.substring(6))
                .doesNotContain(code.substring(0, 6) + code.substring(7, 10)));

        for (int i = 0; i < 2; i++) {
            String page = page(session, location);
            assertThat(page)
                    .contains("href=\"/patrons/" + id + "?from=" + key + "\"")
                    .contains("Haettu henkilötunnuksella " + code.substring(0, 7) + "****")
                    .doesNotContain(code);
            assertThat(Jsoup.parse(page).getElementById("q").val()).isEmpty();
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE actor = :a AND action = 'PATRON_SEARCH_BY_IDENTITY_CODE'")
                        .param("a", registrar.getUsername())
                        .query(Integer.class)
                        .single())
                .as("searched once, shown three times")
                .isEqualTo(1);

        // the patron page leads back to the same results, by the link's key and, without it, to the latest search
        assertThat(Jsoup.parse(page(session, "/patrons/" + id + "?from=" + key))
                        .getElementById("back-to-search")
                        .attr("href"))
                .isEqualTo(location);
        assertThat(Jsoup.parse(page(session, "/patrons/" + id))
                        .getElementById("back-to-search")
                        .attr("href"))
                .isEqualTo(location);
    }

    @Test
    void aNameQueryIsKeptAsTypedToShowInTheBoxButACodeLikeQueryIsNot() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String name = TestData.unique("Laine");
        String page = PatronFixtures.search(mvc, session, "  " + name + " ", null);
        assertThat(Jsoup.parse(page).getElementById("q").val()).isEqualTo(name);

        // a code with a wrong check character searches nothing by code, and is kept as no text either
        String code = PatronFixtures.newCode();
        String wrong = code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A');
        String location = PatronFixtures.searchLocation(mvc, session, wrong, null);
        UUID key = UUID.fromString(location.substring("/patrons/search/".length()));
        assertThat(everyKeptRowAsText(key)).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(wrong.substring(6)));
        assertThat(page(session, location)).doesNotContain(wrong);
    }

    @Test
    void anotherStaffAccountsKeyIsNotFound() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String location = PatronFixtures.searchLocation(mvc, session, TestData.unique("Nieminen"), null);
        for (Role role : List.of(Role.REGISTRAR, Role.ADMIN)) {
            var other = signIn(
                    data.account(role, role == Role.ADMIN ? null : library).getUsername(), TestData.PASSWORD);
            assertThat(fetch(other, location).getStatus()).as(role.name()).isEqualTo(404);
        }
        assertThat(fetch(session, "/patrons/search/not-a-key").getStatus()).isEqualTo(404);
        assertThat(fetch(session, location).getStatus()).isEqualTo(200);
    }

    @Test
    void after30MinutesTheResultsHaveExpiredAndExpiredRowsAreDeletedWhenTheNextSearchIsKept() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String family = TestData.unique("Vanha");
        UUID id = data.patron("Ville " + family, library, null, null, false);
        String location = PatronFixtures.searchLocation(mvc, session, family, null);
        UUID key = UUID.fromString(location.substring("/patrons/search/".length()));

        clock.advance(Duration.ofMinutes(29));
        assertThat(page(session, location)).contains("/patrons/" + id).doesNotContain("id=\"expired\"");

        clock.advance(Duration.ofMinutes(1));
        var expired = Jsoup.parse(page(session, location));
        assertThat(expired.getElementById("expired").text())
                .isEqualTo("Aiemmat hakutulokset ovat vanhentuneet: niitä säilytetään 30 minuuttia. Hae uudelleen.");
        assertThat(expired.getElementById("results")).isNull();
        assertThat(expired.getElementById("q").hasAttr("autofocus")).isTrue();
        assertThat(Jsoup.parse(page(session, location + "?lang=sv"))
                        .getElementById("expired")
                        .text())
                .startsWith("De tidigare sökresultaten har gått ut");
        assertThat(Jsoup.parse(page(session, "/patrons/" + id))
                        .getElementById("back-to-search")
                        .attr("href"))
                .isEqualTo("/patrons");

        PatronFixtures.searchLocation(mvc, session, family, null);
        assertThat(jdbc.sql("SELECT count(*) FROM kept_search WHERE id = :id")
                        .param("id", key)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM kept_search WHERE expires_at <= :now")
                        .param("now", Timestamp.from(clock.instant()))
                        .query(Integer.class)
                        .single())
                .as("no expired row of anyone is left")
                .isZero();
        assertThat(page(session, location)).contains("id=\"expired\"");
    }

    @Test
    void aPatronMovedToAnotherOrganisationIsLeftOutWhenTheResultsAreShownAgain() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var school = data.library(TestData.unique("School"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String family = TestData.unique("Siirto");
        UUID moving = data.patron("Aapo " + family, library, null, null, false);
        UUID staying = data.patron("Bertta " + family, library, null, null, false);
        String location = PatronFixtures.searchLocation(mvc, session, family, null);
        assertThat(page(session, location)).contains("/patrons/" + moving).contains("/patrons/" + staying);

        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(post("/patrons/" + moving + "/transfer")
                                .with(staff)
                                .param("organisationId", school.getId().toString()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);

        var again = Jsoup.parse(page(session, location));
        assertThat(again.select("#results tbody tr")).hasSize(1);
        assertThat(again.select("#results tbody a").attr("href")).startsWith("/patrons/" + staying);
        assertThat(again.text()).doesNotContain("Aapo");
        assertThat(again.getElementById("unavailable").text())
                .startsWith("Hakutuloksista puuttuvat asiakkaat, jotka eivät ole enää saatavillasi");
    }

    @Test
    void aTakeOverGrantIsKeptWithTheResultBoundToItsOwnerAndUsedOnce() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var school = data.library(TestData.unique("School"));
        var teacher = data.account(Role.REGISTRAR, school);
        var session = signIn(teacher.getUsername(), TestData.PASSWORD);
        UUID id = data.patron("Oona " + TestData.unique("Otto"), library, null, null, false);
        String code = identityCode(id);

        String location = PatronFixtures.searchLocation(mvc, session, code, null);
        UUID key = UUID.fromString(location.substring("/patrons/search/".length()));
        var results = Jsoup.parse(page(session, location));
        assertThat(results.getElementById("registered-elsewhere").text()).contains(library.getName());
        assertThat(results.select("#transfer input[name=hetu]")).isEmpty();
        String grant = results.select("#transfer input[name=grant]").val();
        var row = jdbc.sql(
                        "SELECT kept_search_id, patron_id, staff_account_id, used_at FROM takeover_grant WHERE id = :g")
                .param("g", UUID.fromString(grant))
                .query()
                .singleRow();
        assertThat(row.get("kept_search_id")).isEqualTo(key);
        assertThat(row.get("patron_id")).isEqualTo(id);
        assertThat(row.get("staff_account_id")).isEqualTo(teacher.getId());
        assertThat(row.get("used_at")).isNull();
        // the same grant on every showing of the results
        assertThat(Jsoup.parse(page(session, location))
                        .select("#transfer input[name=grant]")
                        .val())
                .isEqualTo(grant);

        assertThat(transfer(session, id, grant).getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT organisation_id FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(UUID.class)
                        .single())
                .isEqualTo(school.getId());
        assertThat(jdbc.sql("SELECT used_at IS NOT NULL FROM takeover_grant WHERE id = :g")
                        .param("g", UUID.fromString(grant))
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // used: a second take-over with it is refused, even after the patron went back
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/patrons/" + id + "/transfer")
                .with(staff)
                .param("organisationId", library.getId().toString()));
        assertThat(transfer(session, id, grant).getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT organisation_id FROM patron WHERE id = :id")
                        .param("id", id)
                        .query(UUID.class)
                        .single())
                .isEqualTo(library.getId());
        var shownAgain = Jsoup.parse(page(session, location));
        assertThat(shownAgain.getElementById("registered-elsewhere")).isNotNull();
        assertThat(shownAgain.getElementById("transfer"))
                .as("no take-over without a grant")
                .isNull();
    }

    @Test
    void namesMatchInEitherOrderNumbersWithOrWithoutTheirLetterAndADatePartWithAName() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String family = "Virtanen" + Long.toString(System.nanoTime(), 36);
        UUID aino = data.patron("Aino " + family, library, null, null, false);
        UUID bertta = data.patron("Bertta " + family, library, null, null, false);
        UUID aapo = data.patron("Aapo " + family + "la", library, null, null, false);
        String code = identityCode(aino);
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", aino)
                .query(String.class)
                .single();

        for (String q : List.of(
                "Aino " + family,
                family + " Aino",
                family.toUpperCase() + "   aíno",
                number,
                number.substring(1),
                code.substring(0, 6) + " " + family,
                family + " " + code.substring(0, 7),
                code.substring(0, 6) + " " + family + " Aino")) {
            assertThat(patronsFound(session, q)).as(q).containsExactly(aino);
        }
        // sorted by last name, then first name
        assertThat(patronsFound(session, family)).containsExactly(aino, bertta, aapo);
        // a date part no one is born on finds nobody; a different date part finds not this Aino
        assertThat(patronsFound(session, "310299 " + family)).isEmpty();
        String otherDay = (code.startsWith("01") ? "02" : "01") + code.substring(2, 6);
        assertThat(patronsFound(session, otherDay + " " + family)).doesNotContain(aino);
    }

    private List<UUID> patronsFound(RequestPostProcessor session, String q) throws Exception {
        return Jsoup.parse(PatronFixtures.search(mvc, session, q, null)).select("#results tbody tr a").stream()
                .map(a -> a.attr("href"))
                .map(href -> UUID.fromString(href.substring("/patrons/".length(), href.indexOf('?'))))
                .toList();
    }

    /** Every kept row of the search, its grant's and its patrons' rows included, as text. */
    private List<String> everyKeptRowAsText(UUID key) {
        return jdbc.sql(
                        """
                SELECT row_to_json(k)::text FROM kept_search k WHERE k.id = :id
                UNION ALL SELECT row_to_json(p)::text FROM kept_search_patron p WHERE p.kept_search_id = :id
                UNION ALL SELECT row_to_json(g)::text FROM takeover_grant g WHERE g.kept_search_id = :id""")
                .param("id", key)
                .query(String.class)
                .list();
    }

    private String identityCode(UUID patron) {
        return TestSealing.identityCode(jdbc, patron);
    }

    private MockHttpServletResponse transfer(RequestPostProcessor session, UUID id, String grant) throws Exception {
        return mvc.perform(post("/patrons/" + id + "/transfer")
                        .with(session)
                        .param("grant", grant)
                        .param("patronAgreed", "true"))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse fetch(RequestPostProcessor session, String path) throws Exception {
        return mvc.perform(get(path).with(session)).andReturn().getResponse();
    }

    private String page(RequestPostProcessor session, String path) throws Exception {
        var response = fetch(session, path);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
