package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A patron's own report of the data held about them: service staff only, in the patron's language, each consultation
 * with its organisation and purpose, tagged, and its production audited.
 */
class PatronDataReportTest extends IntegrationTest {

    @Test
    void theReportListsEachConsultationWithItsOrganisationAndPurposeAndIsAudited() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        var registered = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(
                                UUID.randomUUID().toString(), code, TestData.unique("report") + "@example.fi")))
                .andReturn()
                .getResponse();
        UUID id = UUID.fromString(registered.getRedirectedUrl().substring("/patrons/".length()));
        String results = PatronFixtures.search(mvc, session, code, null);
        String link = Jsoup.parse(results)
                .select("a[href^=/patrons/" + id + "?from=]")
                .first()
                .attr("href");
        mvc.perform(get(link).with(session));

        // a registrar neither sees the link nor gets the report
        assertThat(Jsoup.parse(mvc.perform(get("/patrons/" + id).with(session))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .getElementById("data-report"))
                .isNull();
        assertThat(mvc.perform(get("/patrons/" + id + "/data-report").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        String page = mvc.perform(get("/patrons/" + id).with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("data-report").attr("href"))
                .isEqualTo("/patrons/" + id + "/data-report");
        var response = mvc.perform(get("/patrons/" + id + "/data-report").with(staff))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fi");
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Sinusta tallennetut tiedot");
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Henkilötunnus: " + code)
                    .contains("Asiointikieli: Suomi")
                    .contains("Tila: Voimassa")
                    .contains("Katsoi asiakkaan sivua. Käsittelijä: " + library.getName()
                            + ". Tarkoitus: Avattu hakutuloksista.")
                    .contains("Tarkoitus: Haku henkilötunnuksella.")
                    .contains("Tarkoitus: Rekisteröinti tai kaksoisrekisteröinnin tarkistus.")
                    .contains("Käsittelijä: Celia. Tarkoitus: Tietojen katselu.");
        }
        assertThat(jdbc.sql(
                                """
                        SELECT actor FROM audit_event WHERE target_type = 'PATRON' AND target_id = :id
                        AND action = 'PATRON_DATA_REPORT'""")
                        .param("id", id.toString())
                        .query(String.class)
                        .list())
                .hasSize(1);
    }

    @Test
    void aSwedishSpeakingPatronsReportIsInSwedish() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var registered = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(
                                UUID.randomUUID().toString(),
                                PatronFixtures.newCode(),
                                TestData.unique("report") + "@example.fi")))
                .andReturn()
                .getResponse();
        UUID id = UUID.fromString(registered.getRedirectedUrl().substring("/patrons/".length()));
        assertThat(mvc.perform(post("/patrons/" + id)
                                .with(session)
                                .param("email", TestData.unique("sv") + "@example.fi")
                                .param("language", "sv")
                                .param("services", "ONLINE")
                                .param("city", "Vasa")
                                .param("credentialsTo", "PATRON"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);

        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        var response = mvc.perform(get("/patrons/" + id + "/data-report").with(staff))
                .andReturn()
                .getResponse();
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Uppgifter som sparats om dig")
                    .contains("Uppgifter ändrade. Behandlare: " + library.getName()
                            + ". Ändamål: Ändring av uppgifterna.");
        }
    }
}
