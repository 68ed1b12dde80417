package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The main navigation marks the link of the page shown with aria-current="page", and the link of the section a
 * deeper page belongs to with aria-current="true"; no other link is marked.
 */
class NavigationTest extends IntegrationTest {

    @Test
    void theLinkOfThePageShownIsMarkedAsTheCurrentPage() throws Exception {
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);

        assertThat(marked(admin, "/")).isEqualTo(Map.of("/", "page"));
        assertThat(marked(admin, "/admin/audit")).isEqualTo(Map.of("/admin/audit", "page"));
        assertThat(marked(admin, "/admin/audit?actor=nobody")).isEqualTo(Map.of("/admin/audit", "page"));
        assertThat(marked(admin, "/admin/mail")).isEqualTo(Map.of("/admin/mail", "page"));
        assertThat(marked(admin, "/patrons")).isEqualTo(Map.of("/patrons", "page"));
        assertThat(marked(admin, "/patrons/new")).isEqualTo(Map.of("/patrons/new", "page"));
    }

    @Test
    void aPageBelowALinkMarksItsSectionOnly() throws Exception {
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        assertThat(marked(admin, "/admin/maintenance/new")).isEqualTo(Map.of("/admin/maintenance", "true"));
        assertThat(marked(admin, "/admin/organisations/new")).isEqualTo(Map.of("/admin/organisations", "true"));

        Organisation library = data.library(TestData.unique("Navigation Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        assertThat(marked(registrar, "/patrons/new")).isEqualTo(Map.of("/patrons/new", "page"));
        assertThat(marked(registrar, "/notices")).isEqualTo(Map.of("/notices", "page"));
        // A page outside the navigation marks nothing.
        assertThat(marked(registrar, "/join")).isEmpty();

        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(marked(staff, "/notices/manage")).isEqualTo(Map.of("/notices/manage", "page"));
        assertThat(marked(staff, "/notices/manage/new")).isEqualTo(Map.of("/notices/manage", "true"));
        assertThat(marked(staff, "/notices")).isEqualTo(Map.of("/notices", "page"));
    }

    @Test
    void everyoneSignedInHasTheNoticesAndThoseWhoPublishThemTheirManagementPage() throws Exception {
        Organisation library = data.library(TestData.unique("Navigation Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var mainUser = signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        for (var who : List.of(registrar, mainUser)) {
            assertThat(links(who)).contains("/notices").doesNotContain("/notices/manage");
        }
        for (var who : List.of(staff, admin)) {
            assertThat(links(who)).contains("/notices", "/notices/manage");
        }
        Element nav = Jsoup.parse(mvc.perform(get("/").param("lang", "sv").with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .selectFirst("nav.main-nav");
        assertThat(nav.select("a[href=/notices]").text()).isEqualTo("Meddelanden");
        assertThat(nav.select("a[href=/notices/manage]").text()).isEqualTo("Hantera meddelanden");
        // Signed out, the notices page has no navigation at all.
        assertThat(Jsoup.parse(mvc.perform(get("/notices"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("nav.main-nav"))
                .isEmpty();
    }

    private List<String> links(RequestPostProcessor who) throws Exception {
        var page = mvc.perform(get("/").with(who)).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(page).select("nav.main-nav a[href]").eachAttr("href");
    }

    /** The links of the main navigation that carry aria-current, with its value. */
    private Map<String, String> marked(RequestPostProcessor who, String path) throws Exception {
        var response = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        Element nav = Jsoup.parse(response.getContentAsString()).selectFirst("nav.main-nav");
        assertThat(nav).as("main navigation on " + path).isNotNull();
        List<Element> links = nav.select("a[href]");
        assertThat(links).hasSizeGreaterThan(1);
        return links.stream()
                .filter(a -> a.hasAttr("aria-current"))
                .collect(Collectors.toMap(a -> a.attr("href"), a -> a.attr("aria-current")));
    }
}
