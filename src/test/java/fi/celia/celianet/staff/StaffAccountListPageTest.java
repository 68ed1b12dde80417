package fi.celia.celianet.staff;

import static fi.celia.celianet.support.PageLinks.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The administrators' list of staff accounts a page at a time, by user name; the next page starts after the last
 * row shown; the search (any part of the user name or the name, whatever the case) is kept from page to page; a page
 * link that no page made is said to be broken. A main user's list of their own registrars stays one short page.
 */
class StaffAccountListPageTest extends IntegrationTest {

    private static final int PAGE_SIZE = 50;
    private static final int ACCOUNTS = 57;

    private RequestPostProcessor admin;
    private String tag;

    @BeforeEach
    void accounts() throws Exception {
        admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        tag = TestData.unique("sivutus").replace("-", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i < ACCOUNTS; i++) {
            String number = String.format("%02d", i);
            jdbc.sql(
                            """
                    INSERT INTO staff_account (id, username, display_name, email, language, role, active, created_at,
                        updated_at)
                    VALUES (:id, :username, :name, :email, 'fi', 'STAFF', true, now(), now())""")
                    .param("id", UUID.randomUUID())
                    .param("username", "u" + number + "." + tag)
                    // the name tells the tens apart: "Aino Kymmenen 3 <TAG>"
                    .param("name", "Aino Kymmenen " + (i / 10) + " " + tag.toUpperCase(Locale.ROOT))
                    .param("email", number + "." + tag + "@example.fi")
                    .update();
        }
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM staff_account WHERE username LIKE :pattern")
                .param("pattern", "%." + tag)
                .update();
    }

    @Test
    void aPageHoldsAtMostAPageOfRowsAndTheNextStartsAfterItsLastRow() throws Exception {
        Document all = page(get("/admin/staff"));
        assertThat(rows(all)).hasSize(PAGE_SIZE);
        assertThat(all.select("a[href=/admin/staff/new]").text()).isEqualTo("Uusi käyttäjätunnus");
        assertThat(all.select("nav.pager a").eachText()).containsExactly("Seuraava sivu");

        Document first = page(get("/admin/staff").param("q", tag.toUpperCase(Locale.ROOT)));
        assertThat(rows(first)).hasSize(PAGE_SIZE);
        String next = link(first, "Seuraava sivu");
        assertThat(next)
                .contains("after=")
                .contains("q=" + tag.toUpperCase(Locale.ROOT))
                .doesNotContain("page=");

        Document second = page(get(URI.create(next)));
        assertThat(rows(second)).hasSize(ACCOUNTS - PAGE_SIZE);
        assertThat(second.select("#q").val()).isEqualTo(tag.toUpperCase(Locale.ROOT));
        assertThat(second.select("nav.pager a").eachText()).containsExactly("Edellinen sivu");

        List<String> shown = new ArrayList<>(rows(first));
        shown.addAll(rows(second));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            expected.add("u" + String.format("%02d", i) + "." + tag);
        }
        assertThat(shown).isEqualTo(expected);

        Document back = page(get(URI.create(link(second, "Edellinen sivu"))));
        assertThat(rows(back)).isEqualTo(rows(first));

        // each row links to its account
        String href = first.select("#accounts tbody tr td a").first().attr("href");
        assertThat(page(get(URI.create(href))).select("#displayName").val())
                .isEqualTo("Aino Kymmenen 0 " + tag.toUpperCase(Locale.ROOT));
    }

    @Test
    void theSearchFindsAnyPartOfTheUserNameOrTheName() throws Exception {
        assertThat(rows(page(get("/admin/staff").param("q", "U07." + tag)))).containsExactly("u07." + tag);
        Document tens = page(get("/admin/staff").param("q", "kymmenen 3 " + tag));
        assertThat(rows(tens))
                .containsExactly(
                        "u30." + tag,
                        "u31." + tag,
                        "u32." + tag,
                        "u33." + tag,
                        "u34." + tag,
                        "u35." + tag,
                        "u36." + tag,
                        "u37." + tag,
                        "u38." + tag,
                        "u39." + tag);
        assertThat(tens.select("nav.pager")).isEmpty();
        Document none = page(get("/admin/staff").param("q", "u0_." + tag));
        assertThat(rows(none)).isEmpty();
        assertThat(none.select("#accounts-none").text()).isEqualTo("Ei käyttäjätunnuksia näillä ehdoilla.");
    }

    @Test
    void aBrokenPageLinkIsSaidToBeBrokenNotAServerError() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/admin/staff")
                        .param("before", "'; DROP TABLE staff_account; --")
                        .param("q", tag)
                        .with(admin))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".error-summary").text())
                .contains("Sivun linkki ei toimi. Aloita alusta ensimmäiseltä sivulta.");
        assertThat(rows(page)).isEmpty();
        assertThat(rows(page(get(URI.create(link(page, "Ensimmäinen sivu")))))).hasSize(PAGE_SIZE);
    }

    @Test
    void aMainUserSeesTheOrganisationsOwnRegistrarsWithoutPagesOrSearch() throws Exception {
        Organisation library = data.library(TestData.unique("Paging Library"));
        var mainUser = data.account(Role.MAIN_USER, library);
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(mainUser.getUsername(), TestData.PASSWORD);
        var response = mvc.perform(get("/organisation/staff").with(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(rows(page)).containsExactlyInAnyOrder(mainUser.getUsername(), registrar.getUsername());
        assertThat(page.select("form[role=search]")).isEmpty();
        assertThat(page.select("nav.pager")).isEmpty();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(admin)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** The user name of each row. */
    private static List<String> rows(Document page) {
        return page.select("#accounts tbody tr").stream()
                .map(row -> row.selectFirst("td a").text())
                .toList();
    }
}
