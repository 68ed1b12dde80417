package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A registrar edits a patron and reads the history: the change, with the fields named in the page's language and the
 * registrar's own library, and none of the page views; the audit trail and the mail log with their filters.
 */
class PatronHistoryJourneyTest extends BrowserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fi|Tietoja muutettu|Katuosoite, Postitoimipaikka|Rekisteröity|Katsoi asiakkaan sivua",
                "sv|Uppgifter ändrade|Gatuadress, Postanstalt|Registrerad|Visade kundens sida"
            })
    void aRegistrarEditsAPatronAndReadsTheChangeInTheHistory(
            String language, String changed, String fields, String registered, String viewed) {
        var library = data.library(TestData.unique("History Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        signInAs(registrar.getUsername(), TestData.PASSWORD);
        open("/patrons/new?lang=" + language);
        fillPatronForm(newCode(), "Historia" + letters(), TestData.unique("history") + "@example.fi", true);
        submitWith("form.form button[type=submit]");
        assertThat(browser.getCurrentUrl()).matches(".*/patrons/[0-9a-f-]{36}");
        String patronUrl = browser.getCurrentUrl();
        assertLanguage(language);

        // the edit: a new address
        andWait(() -> find("a[href$='/edit']").click());
        fill("#streetAddress", "Uusikatu 1", true);
        fill("#city", "Espoo", true);
        submitWith("form.form button[type=submit]");
        assertThat(browser.getCurrentUrl()).isEqualTo(patronUrl);
        // the page opened again, twice: views are no changes
        browser.navigate().refresh();
        browser.get(patronUrl);

        List<WebElement> rows = browser.findElements(By.cssSelector("#history-entries tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(cells(rows.get(0)))
                .containsExactly(registrar.getUsername() + " (" + library.getName() + ")", changed, fields);
        assertThat(cells(rows.get(1)))
                .containsExactly(registrar.getUsername() + " (" + library.getName() + ")", registered, "");
        String history = find("#history").getText();
        assertThat(history)
                .doesNotContain(viewed)
                .doesNotContain("street_address")
                .doesNotContain("PATRON_");
        assertAccessible("patron history " + language);
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAdministratorFiltersTheAuditTrailAndTheMailLog() {
        signInAs(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        for (String language : new String[] {"sv", "fi"}) {
            open("/admin/audit?event=SIGN_IN&lang=" + language);
            assertLanguage(language);
            assertThat(find("#audit-records tbody tr td:nth-child(3)").getText())
                    .isEqualTo(language.equals("fi") ? "Kirjautuminen" : "Inloggning");
            assertAccessible("audit trail filtered " + language);
        }
        open("/admin/audit");
        typeInto("#from", "31.2.2026");
        submitWith("form.filters button[type=submit]");
        assertErrorSummaryFocusedAndLinked();
        assertThat(find("#from-error").getText()).contains("Kirjoita päivämäärä, joka on olemassa");
        assertThat(find("#from").getAttribute("value")).isEqualTo("31.2.2026");
        assertAccessible("audit trail with a bad date");

        open("/admin/mail");
        typeInto("#q", "%no such mail%");
        submitWith("form.filters button[type=submit]");
        assertThat(find("#mail-none").getText()).isEqualTo("Ei viestejä näillä ehdoilla.");
        assertThat(find("#q").getAttribute("value")).isEqualTo("%no such mail%");
        assertAccessible("mail log, nothing found");
        browser.manage().deleteAllCookies();
    }

    /** Who, what and the details: the cells after the time. */
    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .skip(1)
                .map(WebElement::getText)
                .toList();
    }
}
