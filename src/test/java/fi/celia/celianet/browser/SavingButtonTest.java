package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A save button pressed twice: it says it is saving, in the page's language, the form goes out once, and after
 * Back the form is usable again and shows either everything typed or nothing.
 */
class SavingButtonTest extends BrowserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fi|Rekisteröi|Tallennetaan…|Rekisteröinti tallennettu",
                "sv|Registrera|Sparar…|Registreringen har sparats"
            })
    void aDoubleClickOnSaveSendsTheFormOnceAndSaysSaving(String language, String label, String saving, String saved) {
        var library = data.library(TestData.unique("Library"));
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        open("/patrons/new?lang=" + language);
        assertLanguage(language);
        var button = find("form.form button[type=submit]");
        assertThat(button.getText()).startsWith(label);
        assertThat(button.getAttribute("data-saving-text")).isEqualTo(saving);
        assertAccessible("registration form with a saving button " + language);

        // The pages with forms are not stored: Back loads them again.
        Object cacheControl = ((JavascriptExecutor) browser)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + " fetch('/patrons/new', {credentials: 'same-origin'})"
                        + ".then(function (r) { done(r.headers.get('Cache-Control')); });");
        assertThat(String.valueOf(cacheControl)).contains("no-store");

        String code = newCode();
        String lastName = "Kaksois" + letters();
        String email = TestData.unique("saving") + "@example.fi";
        fillPatronForm(code, lastName, email, true);

        // Two clicks in quick succession; the page's submit listener counts the submits that go out.
        var seen = new AtomicReference<Map<String, Object>>();
        andWait(() -> {
            @SuppressWarnings("unchecked")
            var result = (Map<String, Object>)
                    script(
                            """
                    var form = document.querySelector('form.form');
                    var button = form.querySelector('button[type=submit]');
                    var sent = 0, refused = 0;
                    form.addEventListener('submit', function (event) {
                      if (event.defaultPrevented) { refused++; } else { sent++; }
                    });
                    button.click();
                    var text = button.textContent.trim();
                    var ariaDisabled = button.getAttribute('aria-disabled');
                    button.click();
                    var status = form.querySelector('[role=status]');
                    return {sent: sent, refused: refused, text: text, ariaDisabled: ariaDisabled,
                            disabled: button.disabled, status: status ? status.textContent : null};
                    """);
            seen.set(result);
        });
        assertThat(seen.get())
                .containsEntry("text", saving)
                .containsEntry("ariaDisabled", "true")
                .containsEntry("disabled", false)
                .containsEntry("status", saving);
        assertThat(((Number) seen.get().get("sent")).intValue())
                .as("submits sent")
                .isEqualTo(1);
        assertThat(((Number) seen.get().get("refused")).intValue())
                .as("submits refused")
                .isEqualTo(1);

        assertThat(browser.getCurrentUrl()).matches(".*/patrons/[0-9a-f-]{36}");
        assertThat(browser.findElements(By.cssSelector(".flash"))).hasSize(1);
        assertThat(find(".flash").getText()).contains(saved);
        assertThat(find("h1").getText()).contains(lastName);
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c OR last_name = :n")
                        .param("c", TestSealing.index(code))
                        .param("n", lastName)
                        .query(Integer.class)
                        .single())
                .as("patrons saved")
                .isEqualTo(1);

        // Back: the form is usable again, and shows every value typed or none.
        browser.navigate().back();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/patrons/new")
                        && "complete".equals(script("return document.readyState")));
        var again = find("form.form button[type=submit]");
        assertThat(again.getText()).startsWith(label);
        assertThat(again.getAttribute("aria-disabled")).isNull();
        List<String> values = List.of(
                find("#hetu").getAttribute("value"),
                find("#lastName").getAttribute("value"),
                find("#email").getAttribute("value"));
        assertThat(values.equals(List.of("", "", "")) || values.equals(List.of(code, lastName, email)))
                .as("after Back every value typed or none: " + values)
                .isTrue();
        browser.manage().deleteAllCookies();
    }
}
