package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The chart of applications per week on the staff home: a canvas, its script and the webjar it needs. */
class HomeChartTest extends IntegrationTest {

    private static final Map<String, String> LABELS = Map.of(
            "fi",
                    "Pylväskaavio: vastaanotetut ja päätetyt hakemukset viikoittain. Samat luvut ovat alla olevassa taulukossa.",
            "sv", "Stapeldiagram: mottagna och avgjorda ansökningar per vecka. Samma siffror finns i tabellen nedan.",
            "en", "Bar chart: applications received and decided per week. The same figures are in the table below.");

    @Test
    void aStaffHomeHasTheChartItsScriptsAndTheFiguresAsATable() throws Exception {
        Applicants.submit(mvc, Applicants.library(TestData.unique("Kaaviokirjasto")));
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        for (var label : LABELS.entrySet()) {
            String home = mvc.perform(get("/").param("lang", label.getKey()).with(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Element panel = Jsoup.parse(home).getElementById("institutions-panel");
            assertThat(panel).isNotNull();
            Element canvas = panel.selectFirst("canvas#home-weeks-chart");
            assertThat(canvas).isNotNull();
            assertThat(canvas.attr("role")).isEqualTo("img");
            assertThat(canvas.attr("aria-label")).isEqualTo(label.getValue());
            // Hidden until the script draws it: without JavaScript only the table shows.
            assertThat(canvas.hasAttr("hidden")).isTrue();

            Element table = panel.getElementById("home-weeks");
            assertThat(table.attr("data-chart")).isEqualTo("home-weeks-chart");
            var rows = table.select("tbody tr");
            assertThat(rows).hasSize(6);
            for (Element row : rows) {
                assertThat(row.attr("data-week")).matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
                assertThat(row.attr("data-received")).isEqualTo(row.child(1).text());
                assertThat(row.attr("data-decided")).isEqualTo(row.child(2).text());
            }
            assertThat(Integer.parseInt(rows.last().attr("data-received"))).isPositive();

            var scripts = panel.select("script[src]").eachAttr("src");
            assertThat(scripts).hasSize(2);
            assertThat(scripts.get(0)).matches("/webjars/chart\\.js/[\\d.]+/dist/chart\\.umd\\.min\\.js");
            assertThat(scripts.get(1)).isEqualTo("/js/institutions-chart.js");
            assertThat(panel.select("script:not([src])")).isEmpty();
            for (String script : scripts) {
                assertJavaScript(script);
            }
        }
    }

    @Test
    void theWebjarAndTheScriptAreServedWithoutSigningIn() throws Exception {
        String home = mvc.perform(
                        get("/").with(signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String webjar = Jsoup.parse(home)
                .select("#institutions-panel script[src*=webjars]")
                .attr("src");
        MockHttpServletResponse response = assertJavaScript(webjar);
        assertThat(response.getContentAsString()).startsWith("/*!\n * Chart.js v");
        assertJavaScript("/js/institutions-chart.js");
    }

    @Test
    void aRegistrarsHomeHasNoChart() throws Exception {
        var library = data.library(TestData.unique("Kaavioton kirjasto"));
        String home = mvc.perform(get("/").with(
                                signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(home).getElementById("home-weeks-chart")).isNull();
        assertThat(home).doesNotContain("chart.umd");
    }

    private MockHttpServletResponse assertJavaScript(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).as(path).contains("javascript");
        assertThat(response.getContentAsByteArray()).as(path).isNotEmpty();
        return response;
    }
}
