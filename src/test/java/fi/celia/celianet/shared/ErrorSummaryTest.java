package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.patrons.PatronFixtures;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form that comes back with errors lists them in the error summary, and each link of the summary reaches the
 * field it is about: an input, select or text area with that id on the page (for a radio or checkbox group, its
 * first input). Every field that shows an error is linked from the summary, and the summary lists the problems in
 * the order of their fields on the page.
 */
class ErrorSummaryTest extends IntegrationTest {

    private static final Set<String> FIELDS = Set.of("input", "select", "textarea");

    @Test
    void theRegistrationFormLinksEveryErrorToItsField() throws Exception {
        Organisation library = data.library(TestData.unique("Summary Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("submissionToken", UUID.randomUUID().toString());
        form.add("hetu", "");
        form.add("firstName", "");
        form.add("lastName", "");
        form.add("postalCode", "12");
        form.add("language", "");
        form.add("credentialsTo", "PATRON");

        Document page = send(registrar, "/patrons", form);

        assertSummaryReachesEveryField(
                page, "#language", "#channel", "#eligibility", "#services", "#consent", "#firstName", "#postalCode");
        // the identity code is checked after the form's own limits, yet its problem is listed where its field is
        assertThat(page.getElementById("error-summary").select("a[href]").eachAttr("href"))
                .containsSubsequence(
                        "#hetu",
                        "#firstName",
                        "#lastName",
                        "#postalCode",
                        "#language",
                        "#channel",
                        "#eligibility",
                        "#services",
                        "#consent");
    }

    @Test
    void thePatronEditFormLinksItsRadioAndCheckboxGroups() throws Exception {
        Organisation library = data.library(TestData.unique("Summary Edit Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String location = mvc.perform(post("/patrons")
                        .with(registrar)
                        .params(PatronFixtures.form(
                                UUID.randomUUID().toString(),
                                PatronFixtures.newCode(),
                                TestData.unique("summary") + "@example.fi")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/patrons/[0-9a-f-]{36}");
        Document edit = Jsoup.parse(mvc.perform(get(location + "/edit").with(registrar))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var form = new LinkedMultiValueMap<String, String>();
        form.add("version", edit.selectFirst("input[name=version]").val());
        form.add("language", "xx");
        form.add("credentialsTo", "NOBODY");
        form.add("postalCode", "1");

        Document page = send(registrar, location, form);

        assertSummaryReachesEveryField(page, "#language", "#services", "#credentialsTo", "#postalCode");
    }

    @Test
    void theMaintenanceWindowFormLinksItsTimesAndItsCheckboxGroups() throws Exception {
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("startsAt", "");
        form.add("endsAt", "tomorrow");
        form.add("services", "NO_SUCH_SERVICE");
        form.add("channels", "NO_SUCH_CHANNEL");

        Document page = send(admin, "/admin/maintenance", form);

        assertSummaryReachesEveryField(page, "#startsAt", "#endsAt", "#services", "#channels");
    }

    @Test
    void theSignUpFormLinksTheRegistrarRows() throws Exception {
        Document join = Jsoup.parse(mvc.perform(get("/join").param("type", "LIBRARY"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var form = new LinkedMultiValueMap<String, String>();
        form.add(
                "submissionToken",
                join.selectFirst("input[name=submissionToken]").val());
        form.add("organisationType", "LIBRARY");
        form.add("postalCode", "1");
        form.add("registrars[0].name", "");
        form.add("registrars[0].email", "not an address");
        form.add("registrars[1].name", "Rauno Registrar");
        form.add("registrars[1].email", "rauno");

        Document page = send(csrf(), "/join", form);

        assertSummaryReachesEveryField(
                page,
                "#postalCode",
                "#registrars-0-name",
                "#registrars-0-email",
                "#registrars-1-email",
                "#acceptTerms");
    }

    private Document send(RequestPostProcessor who, String path, MultiValueMap<String, String> form) throws Exception {
        var response =
                mvc.perform(post(path).with(who).params(form)).andReturn().getResponse();
        assertThat(response.getStatus()).as("POST " + path).isLessThan(500);
        return Jsoup.parse(response.getContentAsString());
    }

    /** The summary has these links among others, each link reaches a field, and each field in error is linked. */
    private static void assertSummaryReachesEveryField(Document page, String... expected) {
        Element summary = page.getElementById("error-summary");
        assertThat(summary).as("the error summary").isNotNull();
        List<String> links = summary.select("a[href]").eachAttr("href");
        assertThat(summary.select("> ul > li > a[href]").eachAttr("href"))
                .as("the summary's links, each an item of its list")
                .isEqualTo(links);
        assertThat(links).as("links of the error summary").contains(expected);

        List<String> unreachable = new ArrayList<>();
        for (String link : links) {
            assertThat(link).startsWith("#");
            Element target = page.getElementById(link.substring(1));
            if (target == null || !FIELDS.contains(target.tagName())) {
                unreachable.add(link + (target == null ? " (no such id)" : " (a " + target.tagName() + ")"));
            }
        }
        assertThat(unreachable).as("summary links that reach no field").isEmpty();

        List<String> unlinked = new ArrayList<>();
        for (Element error : page.select("form .error-message[id$=-error]")) {
            String field = "#" + error.id().substring(0, error.id().length() - "-error".length());
            if (!links.contains(field)) {
                unlinked.add(field);
            }
        }
        assertThat(unlinked)
                .as("fields in error that the summary does not link to")
                .isEmpty();
        List<String> ids = page.select("[id]").eachAttr("id");
        assertThat(ids.stream()
                        .filter(id -> ids.indexOf(id) != ids.lastIndexOf(id))
                        .distinct()
                        .toList())
                .as("ids used twice, which a link cannot tell apart")
                .isEmpty();
        assertInTheOrderOfThePage(page, links);
    }

    /** The summary's links follow the order of the fields they reach, as the page has them. */
    private static void assertInTheOrderOfThePage(Document page, List<String> links) {
        List<Element> all = page.getAllElements();
        List<String> byPosition = links.stream()
                .sorted(Comparator.comparingInt(link -> all.indexOf(page.getElementById(link.substring(1)))))
                .toList();
        assertThat(links).as("the summary's problems in the order of the form").isEqualTo(byPosition);
    }
}
