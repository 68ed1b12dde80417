package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.bookclubs.BookClubs;
import fi.celia.celianet.bookclubs.Club;
import fi.celia.celianet.bookclubs.ClubDetails;
import fi.celia.celianet.bookclubs.ClubFormat;
import fi.celia.celianet.bookclubs.Production;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A patron's own report of the data held about them: service staff only, in the patron's language, each consultation
 * with its organisation and purpose, the patron's book club history, tagged, and its production audited.
 */
class PatronDataReportTest extends IntegrationTest {

    @Autowired
    private BookClubs clubs;

    @Autowired
    private Production production;

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
                    .contains("Käsittelijä: Celia. Tarkoitus: Tietojen katselu.")
                    .contains("Jäsenyytesi CD-kirjakerhoissa Et ole ollut minkään kirjakerhon jäsen.");
            assertThat(headings(pdf))
                    .containsExactly(
                            "Henkilötiedot", "Tunnukset", "Jäsenyytesi CD-kirjakerhoissa", "Tietojesi käsittely");
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
                            + ". Ändamål: Ändring av uppgifterna.")
                    .contains("Dina medlemskap i cd-bokklubbar Du har inte varit medlem i någon bokklubb.");
        }
    }

    @Test
    void theReportTellsEachClubMembershipWithItsDatesAndTheMonthsOfItsShipments() throws Exception {
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2037, 1, 1));
        // deliveries on the 15th; with 35 days' lead time production starts on 11 January, 8 February, 11 March...
        Club left = monthlyClub(LocalDate.of(2037, 1, 15), 4);
        Club member = monthlyClub(LocalDate.of(2037, 3, 15), 2);
        UUID patron = data.patron(
                "Aino Kerholainen", null, new PostalAddress("Kirjastokatu 3", "00100", "Helsinki"), null, true);

        at(LocalDate.of(2037, 1, 5));
        join(staff, patron, left);
        at(LocalDate.of(2037, 1, 11));
        production.freezeDue();
        at(LocalDate.of(2037, 2, 8));
        production.freezeDue();
        at(LocalDate.of(2037, 2, 20));
        UUID subscription = jdbc.sql("SELECT id FROM club_subscription WHERE patron_id = :p AND club_id = :c")
                .param("p", patron)
                .param("c", left.id())
                .query(UUID.class)
                .single();
        assertThat(mvc.perform(post("/patrons/{id}/subscriptions/{s}/end", patron, subscription)
                                .with(staff))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        join(staff, patron, member);

        var response = mvc.perform(get("/patrons/" + patron + "/data-report").with(staff))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Jäsenyytesi CD-kirjakerhoissa " + left.nameFi()
                            + ": liityit kerhoon 5.1.2037 ja erosit siitä 20.2.2037."
                            + " Toimitukset sinulle: helmikuu 2037, maaliskuu 2037. "
                            + member.nameFi() + ": liityit kerhoon 20.2.2037."
                            + " Toimituksia sinulle ei ole vielä ollut.")
                    .doesNotContain("Et ole ollut minkään kirjakerhon jäsen.");
            assertThat(headings(pdf)).contains("Jäsenyytesi CD-kirjakerhoissa");
        }
    }

    private void at(LocalDate date) {
        clock.set(Helsinki.instantOf(date.atTime(LocalTime.NOON)));
    }

    private Club monthlyClub(LocalDate firstDelivery, int months) {
        String name = TestData.unique("Kerho");
        Club club = clubs.create(
                new ClubDetails(name, name + " sv", name + " en", "", "", "", ClubFormat.CD, 35, 1), "test");
        clubs.generateMonthlyCalendar(club.id(), firstDelivery, months, 35, "test");
        return club;
    }

    private void join(RequestPostProcessor staff, UUID patron, Club club) throws Exception {
        assertThat(mvc.perform(post("/patrons/{id}/subscriptions", patron)
                                .with(staff)
                                .param("clubId", club.id().toString()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
    }

    /**
     * The text of the report's second-level headings as the page content marks them, after checking that the
     * structure tree holds as many H2 elements.
     */
    private static List<String> headings(PDDocument pdf) throws IOException {
        List<String> headings = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                if ("H2".equals(content.getTag())) {
                    StringBuilder heading = new StringBuilder();
                    for (Object part : content.getContents()) {
                        if (part instanceof TextPosition glyph) {
                            heading.append(glyph.getUnicode());
                        }
                    }
                    headings.add(heading.toString().strip());
                }
            }
        }
        assertThat(structureElements(pdf.getDocumentCatalog().getStructureTreeRoot(), "H2"))
                .isEqualTo(headings.size());
        return headings;
    }

    private static int structureElements(PDStructureNode node, String type) {
        int count = 0;
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                count += (type.equals(element.getStructureType()) ? 1 : 0) + structureElements(element, type);
            }
        }
        return count;
    }
}
