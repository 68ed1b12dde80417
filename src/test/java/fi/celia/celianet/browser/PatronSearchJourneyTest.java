package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A registrar searches, opens a patron and comes back to the same results, by the browser's Back button and by the
 * patron page's link, with no form sent again; the results expire after 30 minutes and the page says so.
 */
class PatronSearchJourneyTest extends BrowserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fi|Asiakkaat|Hakutulokset|Aiemmat hakutulokset ovat vanhentuneet",
                "sv|Kunder|Sökresultat|De tidigare sökresultaten har gått ut"
            })
    void searchOpenThePatronAndComeBackToTheSameResults(
            String language, String searchTitle, String resultsHeading, String expiredLine) {
        var library = data.library(TestData.unique("Library"));
        UUID iida = data.patron("Iida Hakunen", library, null, null, false);
        data.patron("Aarne Hakunen", library, null, null, false);
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);

        // The empty search puts the cursor in the search box.
        open("/patrons?lang=" + language);
        assertLanguage(language);
        assertThat(focused().getAttribute("id")).isEqualTo("q");
        assertAccessible("patron search " + language);

        // The search answers with a page of its own address; focus on the results' heading.
        press("Iida Hakunen");
        submitWith("form[role=search] button[type=submit]");
        String results = browser.getCurrentUrl();
        assertThat(results).matches(".*/patrons/search/[0-9a-f-]{36}");
        assertThat(focused().getAttribute("id")).isEqualTo("results-title");
        assertThat(focused().getText()).isEqualTo(resultsHeading);
        assertThat(foundPatrons()).containsExactly(iida);
        assertThat(find("#q").getAttribute("value")).isEqualTo("Iida Hakunen");
        assertAccessible("patron search results " + language);

        // Open the patron by keyboard, then the browser's Back button: the same results, no form sent again.
        openFirstPatron();
        browser.navigate().back();
        waitForResultsAt(results);
        assertThat(browser.getTitle()).isEqualTo(searchTitle + " – Celianet");
        assertThat(foundPatrons()).containsExactly(iida);
        assertAccessible("patron search results after Back " + language);

        // And by the patron page's link back to the search.
        openFirstPatron();
        tabTo("#back-to-search");
        andWait(() -> press(Keys.ENTER));
        waitForResultsAt(results);
        assertThat(browser.getTitle()).isEqualTo(searchTitle + " – Celianet");
        assertThat(foundPatrons()).containsExactly(iida);

        // The last name first finds her too.
        tabTo("#q");
        clearFocused();
        press("Hakunen Iida");
        submitWith("form[role=search] button[type=submit]");
        assertThat(browser.getCurrentUrl()).isNotEqualTo(results);
        assertThat(foundPatrons()).containsExactly(iida);

        // Half an hour later the results have expired: the empty search says so.
        clock.advance(Duration.ofMinutes(30));
        open(results.substring(results.indexOf("/patrons/")));
        assertThat(find("#expired").getText()).startsWith(expiredLine);
        assertThat(browser.findElements(By.id("results"))).isEmpty();
        assertThat(focused().getAttribute("id")).isEqualTo("q");
        assertAccessible("patron search, results expired " + language);
    }

    private void openFirstPatron() {
        WebElement link = find("#results tbody a");
        tabTo(link);
        andWait(() -> press(Keys.ENTER));
        assertThat(browser.getCurrentUrl()).matches(".*/patrons/[0-9a-f-]{36}\\?from=[0-9a-f-]{36}");
        assertThat(find("h1").getText()).contains("Hakunen");
    }

    private void waitForResultsAt(String results) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> results.equals(d.getCurrentUrl())
                        && "complete".equals(script("return document.readyState"))
                        && !d.findElements(By.cssSelector("#results table")).isEmpty());
    }

    private List<UUID> foundPatrons() {
        return browser.findElements(By.cssSelector("#results tbody a")).stream()
                .map(a -> a.getAttribute("href"))
                .map(href -> UUID.fromString(
                        href.substring(href.indexOf("/patrons/") + "/patrons/".length(), href.indexOf('?'))))
                .toList();
    }
}
