package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.celia.celianet.institutions.BusinessId;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** An institution applies without signing in, service staff approve it, and the applicant's page says approved. */
class InstitutionJourneyTest extends BrowserTest {

    @Test
    void anInstitutionAppliesStaffApproveAndTheApplicantSeesItApproved() {
        for (String[] language : new String[][] {{"sv", "sv"}, {"en", "en"}, {"fi", "fi"}}) {
            open("/join?lang=" + language[0]);
            assertLanguage(language[1]);
            assertAccessible("choice of type " + language[0]);
        }
        assertThat(find("h1").getText()).isEqualTo("Hae yhteisöasiakkaaksi");

        // Continue without a choice: the error summary says what to do.
        submitWith("main form button.button");
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("choice of type with an error");

        // A care home, in Swedish: no registrar rows at all.
        open("/join?lang=sv");
        choose("type", "CARE_HOME");
        submitWith("main form button.button");
        assertThat(browser.getCurrentUrl()).contains("type=CARE_HOME");
        assertThat(browser.findElements(By.cssSelector("input[name^=registrars], button[name=addRegistrar]")))
                .isEmpty();
        assertAccessible("care home form sv");

        // Registrars named and the type then changed to a care home: refused with a message, the rows removable.
        open("/join?type=LIBRARY&lang=sv");
        typeInto("#registrars-0-name", "Greta Registrerare");
        select("#organisationType", "Vårdhem");
        submitWith("form.form button.button:not(.secondary)");
        assertErrorSummaryFocusedAndLinked();
        assertThat(find("#error-summary").getText())
                .contains("Registrerare kan anges endast för bibliotek och skolor.");
        assertAccessible("care home with registrars refused sv");
        submitWith("button[name=removeRow][value='0']");
        assertThat(browser.findElements(By.cssSelector("input[name^=registrars]")))
                .isEmpty();
        assertThat(find("#organisationType").getAttribute("value")).isEqualTo("CARE_HOME");

        // A library, in Finnish: sent empty by keyboard first.
        open("/join?lang=fi");
        choose("type", "LIBRARY");
        submitWith("main form button.button");
        assertThat(find("#organisationType").getAttribute("value")).isEqualTo("LIBRARY");
        assertAccessible("library form fi");
        submitWith("form.form button.button:not(.secondary)");
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("application form with errors");

        // Filled in by keyboard, a second and a third registrar row added and the second removed, without JavaScript.
        String name = TestData.unique("Journey Library");
        String contact = TestData.unique("contact").toLowerCase() + "@example.fi";
        typeInto("#organisationName", name);
        typeInto("#businessId", businessId());
        typeInto("#streetAddress", "Kirjastokatu 1");
        typeInto("#postalCode", "00100");
        typeInto("#city", "Helsinki");
        typeInto("#contactName", "Kaisa Kontakti");
        typeInto("#email", contact);
        typeInto("#phone", "040 123 4567");
        typeInto("#registrars-0-name", "Maija Main");
        typeInto("#registrars-0-email", TestData.unique("maija").toLowerCase() + "@example.fi");
        submitWith("button[name=addRegistrar]");
        assertThat(focused().getAttribute("id"))
                .as("the new row's name field has focus")
                .isEqualTo("registrars-1-name");
        assertThat(find("#registrars-0-name").getAttribute("value")).isEqualTo("Maija Main");
        assertThat(find("#organisationName").getAttribute("value")).isEqualTo(name);
        typeInto("#registrars-1-name", "Väärä Rivi");
        submitWith("button[name=addRegistrar]");
        assertAccessible("application form with three registrar rows");
        submitWith("button[name=removeRow][value='1']");
        assertThat(find("#registrars-0-name").getAttribute("value")).isEqualTo("Maija Main");
        assertThat(find("#registrars-1-name").getAttribute("value")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#registrars-2-name"))).isEmpty();
        assertThat(find("main").getText()).doesNotContain("Väärä Rivi");
        assertThat(find("#organisationName").getAttribute("value")).isEqualTo(name);
        String registrar = TestData.unique("rauno").toLowerCase() + "@example.fi";
        typeInto("#registrars-1-name", "Rauno Registrar");
        typeInto("#registrars-1-email", registrar);
        tick("#acceptTerms");
        submitWith("form.form button.button:not(.secondary)");

        assertThat(browser.getCurrentUrl()).contains("/join/status/");
        String tracking = browser.getCurrentUrl();
        String reference = find("#reference").getText();
        assertThat(find("#status").getText()).isEqualTo("Vastaanotettu");
        assertAccessible("tracking page, received");

        // Service staff take it from the queue and approve it.
        browser.manage().deleteAllCookies();
        signInAs(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        open("/institutions/applications");
        assertAccessible("application queue");
        tabTo("#row-" + reference + " a");
        andWait(() -> press(Keys.ENTER));
        assertThat(find("h1").getText()).contains(reference);
        assertAccessible("application page");
        submitWith("form[action$='/approve'] button");
        assertThat(find("h1").getText()).isEqualTo("Hyväksytäänkö hakemus " + reference + "?");
        assertThat(find("#confirm-registrars").getText()).contains("Maija Main").contains("Rauno Registrar");
        assertAccessible("approval confirmation");
        submitWith("main form[action$='/approve'] button.button:not(.secondary)");
        assertThat(find(".flash").getText()).contains("Hyväksytty");
        assertThat(find("#status").getText()).isEqualTo("Hyväksytty");
        assertAccessible("application page, approved");

        // The applicant's page says approved.
        browser.manage().deleteAllCookies();
        browser.get(tracking);
        assertThat(find("#status").getText()).isEqualTo("Hyväksytty");
        assertThat(find("main").getText()).contains("Hakemuksesi hyväksyttiin");
        assertAccessible("tracking page, approved");

        // The registrar's invitation names the library; its page names the user name, in Finnish and Swedish.
        await().atMost(mailWait()).until(() -> TestMail.to(registrar).size() == 1);
        MimeMessage invitation = TestMail.to(registrar).get(0);
        assertThat(TestMail.body(invitation)).contains(name);
        String username = jdbc.sql("SELECT username FROM staff_account WHERE email = :e")
                .param("e", registrar)
                .query(String.class)
                .single();
        open(TestMail.linkPath(invitation) + "?lang=sv");
        assertThat(find("#user-name").getText()).isEqualTo("Ditt användarnamn är " + username + ".");
        assertAccessible("set password sv");
        open(TestMail.linkPath(invitation) + "?lang=fi");
        assertThat(find("#user-name").getText()).isEqualTo("Käyttäjätunnuksesi on " + username + ".");
    }

    private static String businessId() {
        while (true) {
            try {
                return BusinessId.withCheckDigit(
                        "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000)));
            } catch (IllegalArgumentException remainderOne) {
                // try another
            }
        }
    }
}
