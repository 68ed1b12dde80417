package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

class FoundationJourneyTest extends BrowserTest {

    @Test
    void signInAndOutInEachLanguageWithTheKeyboard() {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        for (String[] language : new String[][] {
            {"fi", "Kirjaudu sisään", "Etusivu"}, {"sv", "Logga in", "Startsida"}, {"en", "Sign in", "Home"}
        }) {
            open("/login?lang=" + language[0]);
            assertThat(find("html").getAttribute("lang")).isEqualTo(language[0]);
            assertThat(find("h1").getText()).isEqualTo(language[1]);
            assertAccessible("sign-in page " + language[0]);
            // Keyboard only: the skip link comes first, then the form.
            find("body").sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("skip-link");
            find("#username").sendKeys(registrar.getUsername());
            andWait(() -> find("#password").sendKeys(TestData.PASSWORD, Keys.ENTER));
            assertThat(find("h1").getText()).isEqualTo(language[2]);
            assertThat(find("html").getAttribute("lang")).isEqualTo(language[0]);
            assertAccessible("home page " + language[0]);
            andWait(() -> find("form.logout button").click());
            assertThat(browser.getCurrentUrl()).contains("/login?logout");
        }
    }

    @Test
    void theLanguageSwitchChangesThePageLanguage() {
        open("/login");
        assertThat(find("html").getAttribute("lang")).isEqualTo("fi");
        andWait(() -> browser.findElement(By.linkText("Svenska")).click());
        assertThat(find("html").getAttribute("lang")).isEqualTo("sv");
        assertThat(find("h1").getText()).isEqualTo("Logga in");
        open("/password/forgot");
        assertThat(find("h1").getText()).isEqualTo("Glömt lösenord");
        andWait(() -> browser.findElement(By.linkText("English")).click());
        assertThat(find("h1").getText()).isEqualTo("Forgotten password");
    }

    @Test
    void aFailedSignInShowsTheCalmMessage() {
        open("/login");
        find("#username").sendKeys("nobody-" + TestData.unique("x"));
        andWait(() -> find("#password").sendKeys("wrong password", Keys.ENTER));
        assertThat(find(".error-summary").getText()).contains("Kirjautuminen ei onnistunut");
        assertAccessible("sign-in failure");
    }

    @Test
    void everyAdministrationPageIsAccessible() {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        signInAs(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        for (String path : new String[] {
            "/admin/organisations",
            "/admin/organisations/new",
            "/admin/organisations/" + library.getId(),
            "/admin/staff",
            "/admin/staff/new",
            "/admin/staff/" + registrar.getId(),
            "/admin/audit",
            "/admin/mail"
        }) {
            open(path);
            assertThat(browser.getTitle()).isNotBlank();
            assertAccessible(path);
        }
        // A form with errors: the summary takes focus and links to the field.
        open("/admin/organisations/new");
        find("#postalCode").sendKeys("12");
        andWait(() -> find("form.form button[type=submit]").click());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertThat(find("#error-summary a[href='#name']").getText()).isEqualTo("Anna organisaation nimi.");
        assertThat(find("#postalCode").getAttribute("value")).isEqualTo("12");
        assertAccessible("organisation form with errors");
        open("/admin/mail");
        var mails = browser.findElements(By.cssSelector("table a"));
        if (!mails.isEmpty()) {
            andWait(() -> mails.get(0).click());
            assertAccessible("one mail");
        }
    }

    @Test
    void aMailWhoseContentsTheRetentionPeriodRemovedSaysSo() {
        // as the retention job leaves a sent mail: the row, its state and times, naming nobody and saying nothing
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, state, created_at,
                    next_attempt_at, sent_at)
                VALUES (:id, :key, '', 'fi', '', '', 'SENT', :now, :now, :now)""")
                .param("id", id)
                .param("key", "retention-journey:" + id)
                // newer than any other test's mail, so it heads the log's first page whatever ran before
                .param("now", Timestamp.from(clock.instant().plus(Duration.ofDays(365L * 200))))
                .update();
        signInAs(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        open("/admin/mail");
        assertThat(find("a[href='/admin/mail/" + id + "']").getText()).isEqualTo("Poistettu säilytysajan jälkeen");
        assertAccessible("mail log with a removed mail");
        open("/admin/mail/" + id);
        assertThat(find("h1").getText()).isEqualTo("Poistettu säilytysajan jälkeen");
        assertThat(find("#mail-removed").getText()).contains("jäljellä on vain, että viesti lähti ja milloin");
        assertAccessible("a removed mail");
    }

    @Test
    void aMainUserInvitesARegistrarWhoSetsAPasswordFromTheMail() {
        var library = data.library(TestData.unique("Library"));
        signInAs(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        open("/organisation/staff/new");
        assertAccessible("registrar form");
        String username = TestData.unique("invitee");
        find("#username").sendKeys(username);
        find("#displayName").sendKeys("Iida Invited");
        find("#email").sendKeys(username + "@example.fi");
        andWait(() -> find("form.form button[type=submit]").click());
        assertThat(find(".flash").getText()).contains("Käyttäjätunnus on luotu");
        var mail = Awaitility.await()
                .atMost(mailWait())
                .until(() -> TestMail.to(username + "@example.fi"), l -> l.size() == 1)
                .get(0);
        browser.manage().deleteAllCookies();
        open(TestMail.linkPath(mail));
        assertAccessible("set-password page");
        find("#password").sendKeys("short");
        andWait(() -> find("#confirmPassword").sendKeys("short", Keys.ENTER));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertAccessible("set-password page with errors");
        find("#password").sendKeys("my own long pass phrase");
        andWait(() -> find("#confirmPassword").sendKeys("my own long pass phrase", Keys.ENTER));
        assertThat(find("h1").getText()).isEqualTo("Salasana on asetettu");
        assertAccessible("password set");
        signInAs(username, "my own long pass phrase");
    }

    @Test
    void errorPagesAreInTheLayoutAndAccessible() {
        var library = data.library(TestData.unique("Library"));
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        open("/admin/staff");
        assertThat(find("h1").getText()).isEqualTo("Ei käyttöoikeutta");
        assertAccessible("403 page");
        open("/no-such-page");
        assertThat(find("h1").getText()).isEqualTo("Sivua ei löydy");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("Whitelabel");
        assertAccessible("404 page");
        // In each language, with the language declared.
        for (String[] language : new String[][] {
            {"sv", "Sidan hittades inte", "Ingen behörighet"},
            {"en", "Page not found", "Not allowed"},
            {"fi", "Sivua ei löydy", "Ei käyttöoikeutta"}
        }) {
            open("/no-such-page?lang=" + language[0]);
            assertLanguage(language[0]);
            assertThat(find("h1").getText()).isEqualTo(language[1]);
            assertAccessible("404 page " + language[0]);
            open("/admin/staff");
            assertLanguage(language[0]);
            assertThat(find("h1").getText()).isEqualTo(language[2]);
        }
    }
}
