package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.patrons.PatronRows;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A registrar opens the organisation's patron list from the navigation, narrows it to closed patrons, sees only
 * them, and downloads the same list for Excel; a date that does not exist is a field error. In Finnish and Swedish,
 * by keyboard, with axe on every state.
 */
class PatronListJourneyTest extends BrowserTest {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "fi",
            Map.of(
                    "title", "Asiakasluettelo",
                    "closed", "Suljettu",
                    "count", "Asiakkaita 1. Näytetään 1–1.",
                    "header", "Sukunimi;Etunimet;Asiakasnumero",
                    "file", "asiakkaat-",
                    "dateError", "Kirjoita päivämäärä olemassa olevana päivänä"),
            "sv",
            Map.of(
                    "title", "Kundlista",
                    "closed", "Stängd",
                    "count", "Kunder 1. Visar 1–1.",
                    "header", "Efternamn;Förnamn;Kundnummer",
                    "file", "kunder-",
                    "dateError", "Ange ett datum som finns"));

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv"})
    void aRegistrarNarrowsTheListToClosedPatronsAndDownloadsIt(String language) throws Exception {
        var text = TEXT.get(language);
        var library = data.library(TestData.unique("List Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        String family = "Luettelo" + letters();
        var rows = PatronRows.in(jdbc, library.getId(), registrar.getId());
        rows.name("Aino", family)
                .registeredAt(Instant.parse("2026-02-02T10:00:00Z"))
                .insert();
        rows.name("Bertta", family)
                .registeredAt(Instant.parse("2026-02-03T10:00:00Z"))
                .services(true, true)
                .password()
                .insert();
        rows.name("Cecilia", family)
                .registeredAt(Instant.parse("2026-02-04T10:00:00Z"))
                .status("CLOSED")
                .password()
                .insert();

        signInAs(registrar.getUsername(), TestData.PASSWORD);
        open("/?lang=" + language);
        assertLanguage(language);
        tabTo("nav.main-nav a[href='/patrons/list']");
        andWait(() -> press(Keys.ENTER));
        assertThat(find("h1").getText()).isEqualTo(text.get("title"));
        assertThat(find("nav.main-nav a[href='/patrons/list']").getAttribute("aria-current"))
                .isEqualTo("page");
        assertThat(browser.findElements(By.cssSelector("#patron-list tbody tr")))
                .hasSize(3);
        assertAccessible("patron list, " + language);

        select("#status", text.get("closed"));
        submitWith("#list-filters button[type=submit]");
        assertThat(browser.getCurrentUrl()).contains("status=CLOSED");
        var listed = browser.findElements(By.cssSelector("#patron-list tbody tr"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).getText()).contains(family + ", Cecilia").contains(text.get("closed"));
        assertThat(find("#list-count").getText()).isEqualTo(text.get("count"));
        assertAccessible("patron list of closed patrons, " + language);

        String download = find("#list-download").getAttribute("href");
        assertThat(download).endsWith("/patrons/list.csv?status=CLOSED&sort=NAME");
        var csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(download))
                                .header(
                                        "Cookie",
                                        "CELIANET_SESSION="
                                                + browser.manage()
                                                        .getCookieNamed("CELIANET_SESSION")
                                                        .getValue() + "; CELIANET_LANG=" + language)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(text.get("file"));
        byte[] bytes = csv.body();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String body = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(body.split("\r\n")).hasSize(2);
        assertThat(body)
                .startsWith(text.get("header"))
                .contains(family + ";Cecilia;")
                .doesNotContain("Aino");

        fill("#from", "31.2.2026", true);
        submitWith("#list-filters button[type=submit]");
        assertErrorSummaryFocusedAndLinked();
        assertThat(find("#from-error").getText()).contains(text.get("dateError"));
        assertThat(browser.findElements(By.id("patron-list"))).isEmpty();
        assertAccessible("patron list with a date that does not exist, " + language);
    }
}
