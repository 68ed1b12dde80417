package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.institutions.BusinessId;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** An institution applies without signing in, service staff approve it, and the applicant's page says approved. */
class InstitutionJourneyTest extends BrowserTest {

    @Test
    void anInstitutionAppliesStaffApproveAndTheApplicantSeesItApproved() {
        for (String[] language : new String[][] {{"sv", "sv"}, {"en", "en"}, {"fi", "fi"}}) {
            open("/join?lang=" + language[0]);
            assertLanguage(language[1]);
            assertAccessible("application form " + language[0]);
        }
        assertThat(find("h1").getText()).isEqualTo("Hae yhteisöasiakkaaksi");

        // Sent empty by keyboard.
        submitWith("form.form button.button:not(.secondary)");
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("application form with errors");

        // Filled in by keyboard, a second registrar row added without JavaScript.
        String name = TestData.unique("Journey Library");
        String contact = TestData.unique("contact").toLowerCase() + "@example.fi";
        typeInto("#organisationName", name);
        select("#organisationType", "Kirjasto");
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
        assertAccessible("application form with two registrar rows");
        typeInto("#registrars-1-name", "Rauno Registrar");
        typeInto("#registrars-1-email", TestData.unique("rauno").toLowerCase() + "@example.fi");
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
        assertThat(find(".flash").getText()).contains("Hyväksytty");
        assertThat(find("#status").getText()).isEqualTo("Hyväksytty");
        assertAccessible("application page, approved");

        // The applicant's page says approved.
        browser.manage().deleteAllCookies();
        browser.get(tracking);
        assertThat(find("#status").getText()).isEqualTo("Hyväksytty");
        assertThat(find("main").getText()).contains("Hakemuksesi hyväksyttiin");
        assertAccessible("tracking page, approved");
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
