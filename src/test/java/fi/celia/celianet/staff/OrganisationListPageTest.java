package fi.celia.celianet.staff;

import static fi.celia.celianet.support.PageLinks.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administrators' list of organisations a page at a time: by name whatever its case, then by id; the next page
 * starts after the last row shown, so no row repeats or goes missing; the search (any part of the name, whatever the
 * case) is kept from page to page; a page link that no page made is said to be broken, not a server error.
 */
class OrganisationListPageTest extends IntegrationTest {

    private static final int PAGE_SIZE = 50;

    /** More than a page: 30 names twice (in two cases, so the order falls to the id), and a few more. */
    private static final int ORGANISATIONS = 63;

    private RequestPostProcessor admin;
    private String tag;

    @BeforeEach
    void organisations() throws Exception {
        admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        tag = TestData.unique("Sivutus").replace("-", "");
        for (int i = 0; i < ORGANISATIONS; i++) {
            // "Kirjasto <tag> 07" and "kirjasto <tag> 07": the same name whatever the case
            String name = (i % 2 == 0 ? "Kirjasto " : "kirjasto ") + tag + " " + String.format("%02d", i / 2);
            jdbc.sql(
                            """
                    INSERT INTO organisation (id, customer_number, name, type, city, language, active, created_at,
                        updated_at)
                    VALUES (:id, :number, :name, 'LIBRARY', 'Oulu', 'fi', true, now(), now())""")
                    .param("id", UUID.randomUUID())
                    .param("number", "P" + UUID.randomUUID().toString().substring(0, 8))
                    .param("name", name)
                    .update();
        }
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM organisation WHERE name ILIKE :pattern")
                .param("pattern", "%" + tag + "%")
                .update();
    }

    @Test
    void aPageHoldsAtMostAPageOfRowsAndTheNextStartsAfterItsLastRow() throws Exception {
        // unfiltered: every organisation of the database, a page of them
        Document all = page(get("/admin/organisations"));
        assertThat(rows(all)).hasSize(PAGE_SIZE);
        assertThat(all.select("a[href=/admin/organisations/new]").text()).isEqualTo("Uusi organisaatio");
        assertThat(all.select("nav.pager a").eachText()).containsExactly("Seuraava sivu");

        Document first = page(get("/admin/organisations").param("q", tag.toUpperCase()));
        assertThat(rows(first)).hasSize(PAGE_SIZE);
        assertThat(first.select("#q").val()).isEqualTo(tag.toUpperCase());
        assertThat(first.select("nav.pager a").eachText()).containsExactly("Seuraava sivu");
        String next = link(first, "Seuraava sivu");
        // a cursor and the search, not an offset
        assertThat(next).contains("after=").contains("q=" + tag.toUpperCase()).doesNotContain("page=");

        Document second = page(get(URI.create(next)));
        assertThat(rows(second)).hasSize(ORGANISATIONS - PAGE_SIZE);
        assertThat(second.select("#q").val()).isEqualTo(tag.toUpperCase());
        assertThat(second.select("nav.pager a").eachText()).containsExactly("Edellinen sivu");

        List<Row> shown = new ArrayList<>(rows(first));
        shown.addAll(rows(second));
        assertThat(shown).doesNotHaveDuplicates().hasSize(ORGANISATIONS).isEqualTo(inOrder());
        assertThat(shown).extracting(Row::name).isSortedAccordingTo(Comparator.comparing(String::toLowerCase));
        // each row links to its organisation
        Row one = shown.get(0);
        assertThat(page(get(URI.create(one.href()))).select("#name").val()).isEqualTo(one.name());

        // and back: the first page again, in the same order
        Document back = page(get(URI.create(link(second, "Edellinen sivu"))));
        assertThat(rows(back)).isEqualTo(rows(first));
        assertThat(back.select("nav.pager a").eachText()).containsExactly("Seuraava sivu");
    }

    @Test
    void theSearchNarrowsTheRowsAndMatchesAWildcardAsItself() throws Exception {
        Document one = page(get("/admin/organisations").param("q", "KIRJASTO " + tag + " 07"));
        assertThat(rows(one))
                .extracting(Row::name)
                .containsExactlyInAnyOrder("Kirjasto " + tag + " 07", "kirjasto " + tag + " 07");
        assertThat(one.select("nav.pager")).isEmpty();

        Document none = page(get("/admin/organisations").param("q", tag + " 0_"));
        assertThat(rows(none)).isEmpty();
        assertThat(none.select("#organisations-none").text()).isEqualTo("Ei organisaatioita näillä ehdoilla.");
    }

    @Test
    void aBrokenPageLinkIsSaidToBeBrokenNotAServerError() throws Exception {
        for (var broken : List.of(
                get("/admin/organisations").param("after", "not-an-id").param("q", tag),
                get("/admin/organisations").param("before", "1-2-3-4-5").param("q", tag),
                get("/admin/organisations")
                        .param("after", UUID.randomUUID().toString())
                        .param("before", UUID.randomUUID().toString())
                        .param("q", tag))) {
            MockHttpServletResponse response =
                    mvc.perform(broken.with(admin)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(400);
            Document page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select(".error-summary").text())
                    .contains("Sivun linkki ei toimi. Aloita alusta ensimmäiseltä sivulta.");
            assertThat(rows(page)).isEmpty();
            Document firstPage = page(get(URI.create(link(page, "Ensimmäinen sivu"))));
            assertThat(rows(firstPage)).hasSize(PAGE_SIZE);
            assertThat(firstPage.select("#q").val()).isEqualTo(tag);
        }
        // a row that is gone meanwhile: the first page
        Document gone = page(get("/admin/organisations")
                .param("after", UUID.randomUUID().toString())
                .param("q", tag));
        assertThat(rows(gone)).isEqualTo(inOrder().subList(0, PAGE_SIZE));
    }

    /** The tagged organisations in the list's order, as the database orders them. */
    private List<Row> inOrder() {
        return jdbc.sql("SELECT id, name FROM organisation WHERE name ILIKE :pattern ORDER BY lower(name), id")
                .param("pattern", "%" + tag + "%")
                .query((rs, n) -> new Row(rs.getString("name"), "/admin/organisations/" + rs.getString("id")))
                .list();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(admin)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<Row> rows(Document page) {
        return page.select("#organisations tbody tr").stream()
                .map(row -> row.selectFirst("td a"))
                .map(a -> new Row(a.text(), a.attr("href")))
                .toList();
    }

    private record Row(String name, String href) {}
}
