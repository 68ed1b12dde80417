package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestSealing;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A registrar registers a patron, meets the double click and the duplicate, finds the patron and resets the password. */
class PatronJourneyTest extends BrowserTest {

    @Autowired
    CredentialTokens tokens;

    @Test
    void aRegistrarRegistersFindsAndResetsAPatronWithTheKeyboard() {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        signInAs(registrar.getUsername(), TestData.PASSWORD);

        // The form in each language.
        for (String[] language :
                new String[][] {{"sv", "Registrera en kund"}, {"en", "Register a patron"}, {"fi", "Rekisteröi asiakas"}
                }) {
            open("/patrons/new?lang=" + language[0]);
            assertLanguage(language[0]);
            assertThat(find("h1").getText()).isEqualTo(language[1]);
            assertAccessible("registration form " + language[0]);
        }

        // Sent empty by keyboard: the error summary takes focus and leads to the fields.
        submitWith("form.form button[type=submit]");
        assertThat(find("#error-summary").getText()).contains("henkilötunnus");
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("registration form with errors");

        // Filled in and sent by keyboard alone.
        String code = newCode();
        String lastName = "Polku" + letters();
        String email = TestData.unique("patron") + "@example.fi";
        fillPatronForm(code, lastName, email, true);
        submitWith("form.form button[type=submit]");
        assertThat(browser.getCurrentUrl()).matches(".*/patrons/[0-9a-f-]{36}");
        assertThat(browser.findElements(By.cssSelector(".flash"))).hasSize(1);
        assertThat(find(".flash").getText()).contains("Rekisteröinti tallennettu");
        assertThat(find("h1").getText()).contains(lastName);
        assertAccessible("patron page, saved");
        String patronUrl = browser.getCurrentUrl();

        // The same identity code again: the duplicate message, the input kept.
        open("/patrons/new");
        fillPatronForm(code, lastName, TestData.unique("other") + "@example.fi", false);
        submitWith("form.form button[type=submit]");
        assertThat(find("#duplicate").getText())
                .contains("Tämän henkilötunnuksen on jo rekisteröinyt " + library.getName());
        assertThat(find("#hetu").getAttribute("value")).isEqualTo(code);
        assertThat(find("#lastName").getAttribute("value")).isEqualTo(lastName);
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("registration form, duplicate");
        assertThat(countPatrons(code)).isEqualTo(1);

        // Search by the code and open the patron, by keyboard.
        open("/patrons");
        assertAccessible("patron search");
        typeInto("#q", code);
        submitWith("form[role=search] button[type=submit]");
        assertAccessible("patron search results");
        var link = find("#results table a");
        assertThat(link.getAttribute("href")).startsWith(patronUrl + "?from=");
        tabTo(link);
        andWait(() -> press(Keys.ENTER));
        assertThat(browser.getCurrentUrl()).startsWith(patronUrl + "?from=");
        assertThat(find("h1").getText()).contains(lastName);
        // Nothing of the patron is kept in the browser's storage, nor in a cookie a script can read.
        assertThat(((JavascriptExecutor) browser)
                        .executeScript(
                                "return [localStorage.length, sessionStorage.length, document.cookie].join('|');"))
                .asString()
                .startsWith("0|0|")
                .doesNotContain(code)
                .doesNotContain(lastName);

        // A password reset from the patron page, completed from the mail.
        submitWith("form[action$='/password-reset'] button");
        assertThat(find(".flash").getText()).contains("Salasanan vaihtolinkki");
        assertAccessible("patron page, reset sent");
        var reset = await().atMost(mailWait())
                .until(
                        () -> TestMail.to(email).stream()
                                .filter(m -> TestMail.linkPath(m).startsWith("/account/reset/"))
                                .toList(),
                        l -> l.size() == 1)
                .get(0);
        browser.manage().deleteAllCookies();
        open(TestMail.linkPath(reset));
        assertThat(find("h1").getText()).isEqualTo("Aseta uusi salasana");
        assertAccessible("patron set-password page");
        typeInto("#password", "short");
        typeInto("#confirmPassword", "short");
        submitWith("form.form button[type=submit]");
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("patron set-password page with errors");
        typeInto("#password", "a patron's own long pass phrase");
        typeInto("#confirmPassword", "a patron's own long pass phrase");
        submitWith("form.form button[type=submit]");
        assertThat(find("h1").getText()).isEqualTo("Salasana on asetettu");
        assertThat(find("#sign-in").getAttribute("href")).startsWith("https://celia.fi");
        assertThat(find("#sign-in").getText()).isEqualTo("Siirry palveluun Celian verkkokirjasto");
        assertThat(browser.findElements(By.cssSelector("nav.main-nav, footer"))).isEmpty();
        assertAccessible("patron password set");
        await().atMost(mailWait())
                .until(() -> jdbc.sql("SELECT password_hash IS NOT NULL FROM patron WHERE identity_code_index = :c")
                        .param("c", TestSealing.index(code))
                        .query(Boolean.class)
                        .single());
    }

    /**
     * A patron follows the activation link in their own language, sets a password and ends on the page that names and
     * links the library service with the patron number as the user name; nothing leads into the staff side.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fi|Ota tunnus käyttöön|Salasana on asetettu|Celian verkkokirjasto|Käyttäjätunnuksesi on",
                "sv|Aktivera ditt konto|Lösenordet har angetts|Celias webbibliotek|Ditt användarnamn är"
            })
    void aPatronActivatesTheAccountAndIsSentToTheLibraryService(
            String language, String heading, String done, String service, String userName) {
        UUID patron = data.patron("Aino Aktivoija", null, null, TestData.unique("aktivoi") + "@example.fi", false);
        jdbc.sql("UPDATE patron SET language = :l WHERE id = :id")
                .param("l", language)
                .param("id", patron)
                .update();
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", patron)
                .query(String.class)
                .single();
        browser.manage().deleteAllCookies();
        open("/account/activate/" + tokens.issue(TokenPurpose.PATRON_ACTIVATION, patron));
        assertLanguage(language);
        assertThat(find("h1").getText()).isEqualTo(heading);
        assertThat(find("#patron-service").getText()).isEqualTo(service);
        assertThat(find("#patron-service").getAttribute("href")).startsWith("https://celia.fi");
        assertThat(find("#user-name").getText()).isEqualTo(userName + " " + number + ".");
        assertNothingOfTheStaffSide();
        assertAccessible("patron activation " + language);

        typeInto("#password", "lukijan oma pitkä salalause");
        typeInto("#confirmPassword", "lukijan oma pitkä salalause");
        submitWith("form.form button[type=submit]");
        assertThat(browser.getCurrentUrl()).endsWith("/account/done");
        assertLanguage(language);
        assertThat(find("h1").getText()).isEqualTo(done);
        assertThat(find("#patron-service").getText()).isEqualTo(service);
        assertThat(find("#sign-in").getAttribute("href")).startsWith("https://celia.fi");
        assertThat(find("#sign-in").getText()).contains(service);
        assertThat(find("#user-name").getText()).contains(number);
        assertNothingOfTheStaffSide();
        assertAccessible("patron activation done " + language);
        browser.manage().deleteAllCookies(); // the page kept the patron's language; the next test starts afresh
    }

    /** A patron number typed into the staff sign-in: the page says where patrons sign in. */
    @Test
    void aPatronNumberOnTheStaffSignInSaysWherePatronsSignIn() {
        browser.manage().deleteAllCookies();
        open("/login");
        typeInto("#username", "c1234567");
        typeInto("#password", "mikä tahansa");
        andWait(() -> press(Keys.ENTER));
        assertThat(find("#patron-number").getText())
                .contains("Tämä on henkilökunnan palvelu")
                .contains("Celian verkkokirjasto");
        assertThat(find("#patron-number a").getAttribute("href")).startsWith("https://celia.fi");
        assertAccessible("staff sign-in, patron number");
    }

    private void assertNothingOfTheStaffSide() {
        assertThat(browser.findElements(By.cssSelector("nav.main-nav, footer, form.logout")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href]")).stream()
                        .map(a -> a.getAttribute("href"))
                        .filter(href -> href.startsWith(url("/")))
                        .filter(href -> !href.contains("lang=") && !href.endsWith("#main"))
                        .toList())
                .as("links into Celianet other than the language switch and the skip link")
                .isEmpty();
    }

    @Test
    void aDoubleClickSavesOnePatronAndSaysSavedOnce() {
        var library = data.library(TestData.unique("Library"));
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        open("/patrons/new");
        String code = newCode();
        String lastName = "Tupla" + letters();
        fillPatronForm(code, lastName, TestData.unique("double") + "@example.fi", true);

        // Two submissions of the same form: the first goes out and its answer is never shown (as when the
        // browser drops it for the second click), the second is the page the librarian sees.
        andWait(
                () -> script(
                        """
                var form = document.querySelector('form.form');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),
                    credentials: 'same-origin', redirect: 'manual'});
                setTimeout(function () { form.requestSubmit(); }, 20);
                """));
        assertThat(browser.getCurrentUrl()).matches(".*/patrons/[0-9a-f-]{36}");
        assertThat(browser.findElements(By.cssSelector(".flash"))).hasSize(1);
        assertThat(find(".flash").getText()).contains("Rekisteröinti tallennettu.");
        assertAccessible("patron page after a double click");
        assertThat(countPatrons(code)).isEqualTo(1);

        // The page says saved once: not again on the next visit.
        browser.navigate().refresh();
        assertThat(find("h1").getText()).contains(lastName);
        assertThat(browser.findElements(By.cssSelector(".flash"))).isEmpty();

        // The browser's back button and the same form sent again: still one patron, and it reads as saved.
        browser.navigate().back(); // from the page cache or loaded again: either way, wait for the form
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/patrons/new")
                        && "complete".equals(script("return document.readyState")));
        if (browser.getCurrentUrl().endsWith("/patrons/new")
                && !find("#hetu").getAttribute("value").isEmpty()) {
            submitWith("form.form button[type=submit]");
            assertThat(browser.getCurrentUrl()).matches(".*/patrons/[0-9a-f-]{36}");
        }
        assertThat(countPatrons(code)).isEqualTo(1);
    }

    private int countPatrons(String code) {
        return jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                .param("c", TestSealing.index(code))
                .query(Integer.class)
                .single();
    }
}
