package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.time.LocalDateTime;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ServiceNoticesTest extends IntegrationTest {

    RequestPostProcessor staff;
    LocalDateTime now;

    @BeforeEach
    void standAtAFreshMoment() throws Exception {
        now = Windows.freshMonday();
        clock.set(Windows.at(now));
        staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
    }

    @Test
    void aKnownIssueWithItsWorkaroundIsShownPubliclyAndOnHomePagesWhilePublished() throws Exception {
        String title = Windows.title("Tallennusilmoitus");
        var created = mvc.perform(notice("KNOWN_ISSUE", title)
                        .param(
                                "bodyFi",
                                "Tallennus näyttää virheen.\n\nLue lisää: https://www.celia.fi/ohje. <script>alert(1)</script>")
                        .param("workaroundFi", "Asiakas tallentuu ilmoituksesta huolimatta; tarkista asiakashaulla.")
                        .param("publishUntil", now.plusDays(2).toString()))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(303);

        String page = mvc.perform(get("/notices")).andReturn().getResponse().getContentAsString();
        var article = Jsoup.parse(page).select("article.service-notice:contains(" + title + ")");
        assertThat(article).hasSize(1);
        assertThat(article.text())
                .contains("Tunnettu ongelma")
                .contains("Asiakas tallentuu ilmoituksesta huolimatta; tarkista asiakashaulla.")
                .contains("<script>alert(1)</script>");
        assertThat(article.select("a[href=https://www.celia.fi/ohje]").text()).isEqualTo("https://www.celia.fi/ohje");
        assertThat(article.select("script")).isEmpty();
        assertThat(page).doesNotContain("<script>alert");

        var library = data.library(TestData.unique("Kirjasto"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/").with(registrar))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(title);

        clock.set(Windows.at(now.plusDays(2)));
        assertThat(mvc.perform(get("/notices")).andReturn().getResponse().getContentAsString())
                .doesNotContain(title);
        clock.set(Windows.at(now.minusHours(2)));
        assertThat(mvc.perform(get("/notices")).andReturn().getResponse().getContentAsString())
                .doesNotContain(title);
    }

    @Test
    void theNextQaSessionIsOnTheHomePageWithItsJoinLinkAndAfterwardsItsSummary() throws Exception {
        String title = Windows.title("Kysymystuokio");
        mvc.perform(notice("QA_SESSION", title)
                        .param("bodyFi", "Kysy rekisteröinnistä.")
                        .param("sessionStartsAt", now.plusDays(1).withHour(14).toString())
                        .param("joinLink", "https://meet.example.fi/celia-qa")
                        .param("summaryFi", "Kävimme läpi rekisteröinnin uudet kentät."))
                .andReturn();
        var home = Jsoup.parse(
                mvc.perform(get("/").with(staff)).andReturn().getResponse().getContentAsString());
        assertThat(home.select(".next-session").text())
                .contains("Seuraava kysymys- ja vastaustuokio: " + title)
                .contains("tiistaina");
        assertThat(home.select(".next-session a").attr("href")).isEqualTo("https://meet.example.fi/celia-qa");
        assertThat(home.text()).doesNotContain("Kävimme läpi");

        clock.set(Windows.at(now.plusDays(1).withHour(15)));
        var after = Jsoup.parse(
                        mvc.perform(get("/notices")).andReturn().getResponse().getContentAsString())
                .select("article.service-notice:contains(" + title + ")");
        assertThat(after.text()).contains("Yhteenveto tuokiosta").contains("Kävimme läpi rekisteröinnin uudet kentät.");
        assertThat(after.select("a[href=https://meet.example.fi/celia-qa]")).isEmpty();
        assertThat(mvc.perform(get("/").with(staff)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Seuraava kysymys- ja vastaustuokio: " + title);
    }

    @Test
    void everySignedInUserFindsCurrentNoticesAndComingSessionsFromTheNavigationButNotExpiredOnes() throws Exception {
        String news = Windows.title("Uutinen");
        String session = Windows.title("Tuokio");
        String held = Windows.title("Pidetty tuokio");
        String expired = Windows.title("Vanhentunut");
        mvc.perform(notice("NEWS", news).param("bodyFi", "Uusi kenttä rekisteröinnissä."))
                .andReturn();
        mvc.perform(notice("QA_SESSION", session)
                        .param("bodyFi", "Kysy kerhoista.")
                        .param("sessionStartsAt", now.plusDays(3).withHour(10).toString())
                        .param("joinLink", "https://meet.example.fi/kerhot"))
                .andReturn();
        mvc.perform(notice("QA_SESSION", held)
                        .param("bodyFi", "Kysy hauista.")
                        .param("sessionStartsAt", now.minusMinutes(30).toString())
                        .param("joinLink", "https://meet.example.fi/haut")
                        .param("summaryFi", "Hakuohjeet päivitettiin."))
                .andReturn();
        mvc.perform(notice("NEWS", expired)
                        .param("bodyFi", "Tämä näkyi hetken.")
                        .param("publishFrom", now.minusHours(3).toString())
                        .param("publishUntil", now.minusHours(2).toString()))
                .andReturn();

        var library = data.library(TestData.unique("Kirjasto"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var home = Jsoup.parse(
                mvc.perform(get("/").with(registrar)).andReturn().getResponse().getContentAsString());
        assertThat(home.select("nav.main-nav a[href=/notices]").text()).isEqualTo("Tiedotteet");

        var page = Jsoup.parse(mvc.perform(get("/notices").with(registrar))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("nav.main-nav a[aria-current=page]").attr("href"))
                .isEqualTo("/notices");
        var coming = page.selectFirst("#coming-sessions");
        assertThat(coming.select("h2").text()).isEqualTo("Tulevat kysymys- ja vastaustuokiot");
        assertThat(coming.text()).contains(session).doesNotContain(held).doesNotContain(news);
        assertThat(coming.select("a[href=https://meet.example.fi/kerhot]").text())
                .isEqualTo("Liity tuokioon");
        var current = page.selectFirst("#current-notices");
        assertThat(current.text())
                .contains(news)
                .contains(held)
                .contains("Hakuohjeet päivitettiin.")
                .doesNotContain(session);
        assertThat(page.text()).doesNotContain(expired);

        var swedish =
                Jsoup.parse(mvc.perform(get("/notices").param("lang", "sv").with(registrar))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(swedish.select("#coming-sessions h2").text()).isEqualTo("Kommande frågestunder");
        assertThat(swedish.select("#current-notices h2").text()).isEqualTo("Aktuellt");
        assertThat(swedish.select("nav.main-nav a[href=/notices]").text()).isEqualTo("Meddelanden");
    }

    @Test
    void badNoticesAreRefusedEachWithItsOwnMessageAndTheInputIsKept() throws Exception {
        String title = Windows.title("Virheellinen");
        expectError(
                notice("NEWS", title).param("bodyFi", "Katso http://example.fi/ohje"),
                "Linkkien on alettava https:// (ei http://).",
                "http://example.fi/ohje");
        expectError(
                notice("KNOWN_ISSUE", title).param("bodyFi", "Ongelma."),
                "Tunnettuun ongelmaan tarvitaan kiertotie suomeksi.",
                title);
        expectError(
                notice("QA_SESSION", title)
                        .param("bodyFi", "Tuokio.")
                        .param("sessionStartsAt", now.plusDays(1).toString())
                        .param("joinLink", "javascript:alert(1)"),
                "Liittymislinkin on oltava täydellinen osoite, joka alkaa https://",
                title);
        expectError(
                notice("QA_SESSION", title).param("bodyFi", "Tuokio.").param("joinLink", "https://meet.example.fi/x"),
                "Anna tuokion alkamisaika.",
                "https://meet.example.fi/x");
        expectError(notice("NEWS", "").param("bodyFi", "Teksti " + title), "Anna otsikko suomeksi.", "Teksti " + title);
        expectError(
                notice("NEWS", title)
                        .param("bodyFi", "Teksti")
                        .param("publishUntil", now.minusDays(1).toString()),
                "Näyttämisen päättymisen on oltava sen alkamisen jälkeen.",
                title);
        assertThat(jdbc.sql("SELECT count(*) FROM service_notice WHERE title_fi = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aSaveFromAPageSomeoneElseHasSavedSinceEndsOnTheConflictPageAndChangesNothing() throws Exception {
        String title = Windows.title("Yhtaikaa");
        String location = mvc.perform(notice("NEWS", title).param("bodyFi", "Alkuperäinen."))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var other = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        String first = lockVersionOn(location, staff);
        String second = lockVersionOn(location, other);
        assertThat(first).isEqualTo(second).isNotBlank();

        assertThat(edit(location, staff, title, "Ensimmäinen muutos.", first).getStatus())
                .isEqualTo(303);
        var refused = edit(location, other, title, "Toinen muutos.", second);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("Joku muu muutti tätä tietoa samaan aikaan.");
        assertThat(jdbc.sql("SELECT body_fi FROM service_notice WHERE title_fi = :t")
                        .param("t", title)
                        .query(String.class)
                        .single())
                .isEqualTo("Ensimmäinen muutos.");
    }

    private MockHttpServletResponse edit(
            String path, RequestPostProcessor user, String title, String body, String lockVersion) throws Exception {
        return mvc.perform(post(path)
                        .with(user)
                        .param("kind", "NEWS")
                        .param("titleFi", title)
                        .param("publishFrom", now.minusHours(1).toString())
                        .param("bodyFi", body)
                        .param("lockVersion", lockVersion))
                .andReturn()
                .getResponse();
    }

    private String lockVersionOn(String path, RequestPostProcessor user) throws Exception {
        var page = mvc.perform(get(path).with(user)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString())
                .select("input[name=lockVersion]")
                .attr("value");
    }

    @Test
    void onlyServiceStaffManageNotices() throws Exception {
        var library = data.library(TestData.unique("Kirjasto"));
        var mainUser = signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/notices/manage").with(mainUser))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(notice("NEWS", "x").with(mainUser).param("bodyFi", "x"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/notices/manage/new").with(staff))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/notices/manage").with(admin))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/notices")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        for (String lang : new String[] {"fi", "sv", "en"}) {
            for (String path : new String[] {"/notices/manage", "/notices/manage/new", "/notices", "/"}) {
                var page = mvc.perform(get(path).param("lang", lang).with(admin))
                        .andReturn()
                        .getResponse();
                assertThat(page.getStatus()).as(path).isEqualTo(200);
                assertThat(page.getContentAsString()).as(path + " " + lang).doesNotContain("??");
            }
        }
    }

    private void expectError(MockHttpServletRequestBuilder request, String message, String kept) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("error-summary")
                .contains(message)
                .contains(kept);
    }

    private MockHttpServletRequestBuilder notice(String kind, String titleFi) {
        return post("/notices/manage")
                .with(staff)
                .param("kind", kind)
                .param("titleFi", titleFi)
                .param("publishFrom", now.minusHours(1).toString());
    }
}
