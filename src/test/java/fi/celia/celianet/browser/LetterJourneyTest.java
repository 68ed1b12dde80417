package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.patrons.LetterPdfs;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A patron registered by phone gets the credentials by letter: the registrar registers with a letter, prints the
 * waiting letters into one PDF and marks the letter posted; the patron types the printed code at /activate and sets
 * a password. In Finnish and Swedish, by keyboard, with axe on every page.
 */
class LetterJourneyTest extends BrowserTest {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "fi",
            Map.of(
                    "saved", "Rekisteröinti tallennettu",
                    "waiting", "Kirje odottaa tulostusta",
                    "lettersTitle", "Tunnuskirjeet",
                    "posted", "Kirje merkittiin postitetuksi",
                    "postedState", "Kirje postitettu",
                    "activate", "Ota tunnukset käyttöön koodilla",
                    "wrong", "Koodi ei ole oikein",
                    "setPassword", "Ota tunnus käyttöön",
                    "done", "Salasana on asetettu"),
            "sv",
            Map.of(
                    "saved", "Registreringen har sparats",
                    "waiting", "Brevet väntar på utskrift",
                    "lettersTitle", "Brev med inloggningsuppgifter",
                    "posted", "Brevet markerades som postat",
                    "postedState", "Brevet postades",
                    "activate", "Ta inloggningsuppgifterna i bruk med en kod",
                    "wrong", "Koden är inte rätt",
                    "setPassword", "Aktivera ditt konto",
                    "done", "Lösenordet har angetts"));

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv"})
    void aPhoneRegistrationByLetterIsPrintedPostedAndActivatedWithTheCode(String language) throws Exception {
        var text = TEXT.get(language);
        var library = data.library(TestData.unique("Library"));
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);

        // Registered by phone, credentials by letter: no e-mail address needed, the address is.
        open("/patrons/new?lang=" + language);
        assertLanguage(language);
        String lastName = "Kirje" + letters();
        fillPatronForm(newCode(), lastName, "", true);
        choose("credentialsBy", "LETTER");
        assertThat(find("[data-show-when]").isDisplayed())
                .as("whose e-mail gets the credentials is asked only for credentials by e-mail")
                .isFalse();
        assertAccessible("registration form, credentials by letter, " + language);
        submitWith("form.form button[type=submit]");
        assertThat(browser.getCurrentUrl()).matches(".*/patrons/[0-9a-f-]{36}");
        assertThat(find(".flash").getText()).contains(text.get("saved"));
        assertThat(find("#credentials-status").getText()).contains(text.get("waiting"));
        assertAccessible("patron page, letter waiting, " + language);
        String patronUrl = browser.getCurrentUrl();
        String number = find("#patron-number").getText();

        // The letters page lists it; printing answers one PDF with the letter and its code.
        open("/patrons/letters");
        assertThat(find("h1").getText()).isEqualTo(text.get("lettersTitle"));
        assertThat(find("#waiting-letters").getText()).contains(number).contains(lastName);
        assertAccessible("letters page, " + language);
        var printed = print();
        assertThat(printed.get("status")).isEqualTo(200L);
        assertThat((String) printed.get("type")).startsWith("application/pdf");
        String letter = LetterPdfs.text(Base64.getDecoder().decode((String) printed.get("body")));
        assertThat(letter).contains(number);
        List<String> codes = LetterPdfs.codes(letter);
        assertThat(codes).hasSize(1);
        String code = codes.get(0);

        // Printed, then marked posted by keyboard.
        open("/patrons/letters");
        assertThat(browser.findElements(By.cssSelector("#waiting-letters"))).isEmpty();
        assertThat(find("#unposted-letters").getText()).contains(number);
        submitWith("#unposted-letters form button");
        assertThat(find(".flash").getText()).contains(text.get("posted"));
        assertAccessible("letters page, posted, " + language);
        open(patronUrl.substring(patronUrl.indexOf("/patrons/")));
        assertThat(find("#credentials-status").getText()).contains(text.get("postedState"));

        // The patron, not signed in to anything, types the code from the letter: first a typo, then the code.
        browser.manage().deleteAllCookies();
        open("/activate?lang=" + language);
        assertLanguage(language);
        assertThat(find("h1").getText()).isEqualTo(text.get("activate"));
        assertAccessible("code entry, " + language);
        fill("#code", "CCCCC-CCCCC-CCCCC", true);
        submitWith("form.form button[type=submit]");
        assertThat(find("#error-summary").getText()).contains(text.get("wrong"));
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("code entry with error, " + language);
        fill("#code", code.toLowerCase(Locale.ROOT).replace("-", " "), true);
        submitWith("form.form button[type=submit]");
        assertThat(find("h1").getText()).isEqualTo(text.get("setPassword"));
        assertAccessible("set password after code, " + language);
        fill("#password", "a patron's own long pass phrase", true);
        fill("#confirmPassword", "a patron's own long pass phrase", true);
        submitWith("form.form button[type=submit]");
        assertThat(find("h1").getText()).isEqualTo(text.get("done"));
        assertAccessible("password set after code, " + language);
        // the patron is sent on to the library service, with the patron number as user name, and nowhere in Celianet
        assertThat(find("#sign-in").getAttribute("href")).startsWith("https://celia.fi");
        assertThat(find("#user-name").getText()).contains(number);
        assertThat(browser.findElements(By.cssSelector(".main-nav, a[href$='/login']")))
                .isEmpty();
        assertThat(jdbc.sql("SELECT password_hash IS NOT NULL FROM patron WHERE patron_number = :n")
                        .param("n", number)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    /** Sends the letters page's print form as the browser would, and reads the answer's bytes. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> print() {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return (Map<String, Object>)
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                """
                        var done = arguments[arguments.length - 1];
                        var form = document.querySelector('form[action$="/patrons/letters/print"]');
                        fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),
                            credentials: 'same-origin'})
                          .then(function (r) {
                            return r.arrayBuffer().then(function (b) {
                              var bytes = new Uint8Array(b), s = '';
                              for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                              done({status: r.status, type: r.headers.get('Content-Type'), body: btoa(s)});
                            });
                          });
                        """);
    }
}
