package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An administrator schedules a window that closes registration; the banner announces it; a registration inside the
 * window is refused with the input kept; after the window the same form saves. The clock stands in a stretch of
 * future time of this test's own, so the window never closes anything for another test.
 */
class MaintenanceJourneyTest extends BrowserTest {

    @Test
    void anAdministratorClosesRegistrationForAWindowAndItOpensAgain() {
        LocalDateTime start = LocalDateTime.of(2045, 1, 2, 8, 0)
                .plusWeeks(ThreadLocalRandom.current().nextInt(400));
        LocalDateTime end = start.plusHours(8);
        clock.set(Helsinki.instantOf(start.minusDays(3)));
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);

        // The administrator schedules the window, by keyboard.
        signInAs(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        open("/admin/maintenance/new");
        assertAccessible("new maintenance window form");
        submitWith("form.form button[type=submit]");
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("maintenance window form with errors");
        String title = TestData.unique("Palvelinsiirto");
        typeDateTime("#startsAt", start);
        typeDateTime("#endsAt", end);
        typeDateTime("#announceFrom", start.minusDays(7));
        typeInto("#titleFi", title);
        typeInto("#messageFi", "Asiakkaiden rekisteröinti on suljettu siirron ajan.");
        tick("input[name=services][value=REGISTRATION]");
        tickIfNot("input[name=channels][value=EMAIL]");
        submitWith("form.form button[type=submit]");
        assertThat(find(".flash").getText()).contains("Huoltokatko on ajoitettu");
        assertThat(find("#window-state").getText()).isEqualTo("Tiedotettu");
        assertAccessible("maintenance window, announced");
        open("/admin/maintenance");
        assertAccessible("maintenance window list");

        // The banner announces it on the pages.
        open("/");
        assertThat(banner()).contains("Tulossa huoltokatko: " + title).contains("asiakkaiden rekisteröinti");
        assertAccessible("home page with the announcement banner");

        // One second into the window: registration is refused, the input kept.
        clock.set(Helsinki.instantOf(start).plusSeconds(1));
        browser.manage().deleteAllCookies();
        signInAs(registrar.getUsername(), TestData.PASSWORD);
        open("/patrons/new");
        assertThat(banner()).contains("Huoltokatko käynnissä: " + title);
        assertAccessible("registration form with the in-progress banner");
        String code = newCode();
        String lastName = "Katko" + letters();
        fillPatronForm(code, lastName, TestData.unique("katko") + "@example.fi", false);
        submitWith("form.form button[type=submit]");
        assertThat(script("return performance.getEntriesByType('navigation')[0].responseStatus"))
                .isEqualTo(503L);
        assertThat(find("#service-closed").getText())
                .contains("Palvelu on suljettu huoltokatkon ajaksi")
                .contains(title)
                .contains("sähköposti");
        assertThat(find("#hetu").getAttribute("value")).isEqualTo(code);
        assertThat(find("#lastName").getAttribute("value")).isEqualTo(lastName);
        assertThat(find("input[name=services][value=CD_CLUBS]").isSelected()).isTrue();
        assertAccessible("registration refused during the window");
        assertThat(countPatrons(code)).isZero();

        // Past the end: the same form, sent again, saves; the after-notice asks to report faults.
        clock.set(Helsinki.instantOf(end).plusSeconds(60));
        submitWith("form.form button[type=submit]");
        assertThat(find(".flash").getText()).contains("Rekisteröinti tallennettu");
        assertThat(countPatrons(code)).isEqualTo(1);
        assertThat(banner()).contains("Huoltokatko on päättynyt: " + title);
        assertAccessible("patron page after the window, with the after-notice");
    }

    private String banner() {
        return browser.findElements(By.cssSelector(".maintenance-banner")).stream()
                .map(e -> e.getText())
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private int countPatrons(String code) {
        return jdbc.sql("SELECT count(*) FROM patron WHERE identity_code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }
}
