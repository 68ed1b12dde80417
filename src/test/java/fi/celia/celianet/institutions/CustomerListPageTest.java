package fi.celia.celianet.institutions;

import static fi.celia.celianet.support.PageLinks.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.net.URI;
import java.util.ArrayList;
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
 * The service staff's customer list, searched in the database (any part of the name, customer number, business ID
 * or city, whatever the case) and shown a page at a time by name; the search is kept from page to page; a page link
 * that no page made is said to be broken.
 */
class CustomerListPageTest extends IntegrationTest {

    private static final int PAGE_SIZE = 50;
    private static final int CUSTOMERS = 52;

    private RequestPostProcessor staff;
    private String tag;

    @BeforeEach
    void customers() throws Exception {
        staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        tag = TestData.unique("Asiakas").replace("-", "");
        for (int i = 0; i < CUSTOMERS; i++) {
            jdbc.sql(
                            """
                    INSERT INTO organisation (id, customer_number, name, type, business_id, city, language, active,
                        created_at, updated_at)
                    VALUES (:id, :number, :name, 'SCHOOL', :businessId, :city, 'fi', true, now(), now())""")
                    .param("id", UUID.randomUUID())
                    .param("number", "Q" + UUID.randomUUID().toString().substring(0, 8))
                    .param("name", "Koulu " + String.format("%02d", i))
                    .param("businessId", i == 7 ? "Y-" + tag.substring(tag.length() - 6) : null)
                    // the tag in the city: the search looks in more than the name
                    .param("city", tag + (i % 2 == 0 ? " Pohjoinen" : " Etelä"))
                    .update();
        }
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM organisation WHERE city LIKE :pattern")
                .param("pattern", tag + "%")
                .update();
    }

    @Test
    void theSearchIsPagedByNameAndKeptFromPageToPage() throws Exception {
        Document first = page(get("/institutions").param("q", tag.toLowerCase()));
        assertThat(names(first)).hasSize(PAGE_SIZE);
        String next = link(first, "Seuraava sivu");
        assertThat(next).contains("after=").contains("q=" + tag.toLowerCase());
        Document second = page(get(URI.create(next)));
        assertThat(second.select("#q").val()).isEqualTo(tag.toLowerCase());
        List<String> shown = new ArrayList<>(names(first));
        shown.addAll(names(second));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            expected.add("Koulu " + String.format("%02d", i));
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(second.select("nav.pager a").eachText()).containsExactly("Edellinen sivu");
        assertThat(names(page(get(URI.create(link(second, "Edellinen sivu")))))).isEqualTo(names(first));
    }

    @Test
    void theSearchNarrowsTheRows() throws Exception {
        Document south = page(get("/institutions").param("q", tag + " ETELÄ"));
        assertThat(names(south)).hasSize(CUSTOMERS / 2).allMatch(name -> Integer.parseInt(name.substring(6)) % 2 == 1);
        assertThat(south.select("nav.pager")).isEmpty();
        Document byBusinessId = page(get("/institutions")
                .param("q", "y-" + tag.substring(tag.length() - 6).toUpperCase()));
        assertThat(names(byBusinessId)).containsExactly("Koulu 07");
        assertThat(byBusinessId.select("#customers a").attr("href")).startsWith("/institutions/customers/");
        Document none = page(get("/institutions").param("q", tag + "%"));
        assertThat(names(none)).isEmpty();
        assertThat(none.select("#customers-none").text()).isNotBlank();
    }

    @Test
    void aBrokenPageLinkIsSaidToBeBrokenNotAServerError() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/institutions")
                        .param("after", "12345")
                        .param("q", tag)
                        .with(staff))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".error-summary").text())
                .contains("Sivun linkki ei toimi. Aloita alusta ensimmäiseltä sivulta.");
        assertThat(names(page)).isEmpty();
        assertThat(names(page(get(URI.create(link(page, "Ensimmäinen sivu")))))).hasSize(PAGE_SIZE);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(staff)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<String> names(Document page) {
        return page.select("#customers tbody tr").stream()
                .map(row -> row.selectFirst("td a").text())
                .toList();
    }
}
