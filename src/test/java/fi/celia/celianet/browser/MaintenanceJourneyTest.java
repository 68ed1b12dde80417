package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.maintenance.WindowDetails;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.Outbox;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestSealing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator schedules a window that closes registration; the banner announces it; a registration inside the
 * window is refused with the input kept; after the window the same form saves. The clock stands in a stretch of
 * future time of this test's own, so the window never closes anything for another test.
 */
class MaintenanceJourneyTest extends BrowserTest {

    @Autowired
    MaintenanceWindows windows;

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
        assertThat(banner())
                .contains("Tulossa huoltokatko: " + title)
                .contains("asiakkaiden rekisteröinti")
                .contains("Katkon aikana voit ottaa yhteyttä: sähköposti asiakaspalvelu@celia.fi.");
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
                .contains("sähköposti asiakaspalvelu@celia.fi");
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

    /**
     * Saving a window sends nothing; the administrator chooses the patrons, sees the preview and the counts,
     * confirms, and the patron receives the mail written for patrons. In Finnish and in Swedish, each with a
     * window of its own years ahead (announced from a moment still ahead, so no banner shows elsewhere).
     */
    @Test
    void anAdministratorChoosesTheAudienceConfirmsTheCountAndAPatronGetsAPatronsMail() throws Exception {
        for (String[] language : new String[][] {
            {
                "fi",
                "Lähetä tiedote",
                "Vahvista tiedotteen lähetys",
                "Tiedote on lisätty lähetysjonoon",
                "käyttämäsi palvelu Celian verkkokirjasto on huoltokatkon vuoksi tauolla",
                "Valitse, kenelle tiedote lähetetään."
            },
            {
                "sv",
                "Skicka meddelandet",
                "Bekräfta utskicket av meddelandet",
                "Meddelandet har lagts i utskickskön",
                "tjänsten Celias webbibliotek som du använder har ett serviceavbrott",
                "Välj vem meddelandet ska skickas till."
            }
        }) {
            String lang = language[0];
            String patronEmail = TestData.unique("tiedote-" + lang) + "@example.fi";
            UUID patron = data.patron(TestData.unique("Tiedote Lukija"), null, null, patronEmail, false);
            jdbc.sql("UPDATE patron SET language = :l WHERE id = :id")
                    .param("l", lang)
                    .param("id", patron)
                    .update();
            // Four years ahead (a window may be planned up to five), on a day of this run's own.
            LocalDateTime start = LocalDate.now(Helsinki.ZONE)
                    .plusYears(4)
                    .plusDays(ThreadLocalRandom.current().nextInt(300))
                    .atTime(8, 0);
            String title = TestData.unique("Tiedotus");
            UUID id = windows.create(
                    new WindowDetails(
                            Helsinki.instantOf(start),
                            Helsinki.instantOf(start.plusHours(6)),
                            Helsinki.instantOf(start.minusDays(7)),
                            title,
                            title,
                            title,
                            "",
                            "",
                            "",
                            EnumSet.of(ClosableService.LENDING),
                            EnumSet.of(ContactChannel.EMAIL, ContactChannel.PHONE)),
                    "test");
            try {
                browser.manage().deleteAllCookies();
                signInAs(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
                open("/admin/maintenance/" + id + "?lang=" + lang);
                assertThat(find("html").getAttribute("lang")).isEqualTo(lang);
                assertThat(find("#send-button").getText()).isEqualTo(language[1]);
                assertThat(Long.parseLong(find("#count-PATRONS td:last-child").getText()))
                        .isPositive();
                assertAccessible("maintenance window with its audiences " + lang);

                tabTo("#preview-link");
                andWait(() -> press(Keys.ENTER));
                assertThat(find("#preview-PATRON-" + lang).getText()).contains(language[4]);
                assertAccessible("announcement preview " + lang);
                // For the documentation: the whole preview as an administrator sees it.
                Path shot = Path.of("target", "screenshots", "announcement-preview-" + lang + ".png");
                Files.createDirectories(shot.getParent());
                Dimension size = browser.manage().window().getSize();
                long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
                browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 150, 8000)));
                Files.copy(
                        ((TakesScreenshot) browser)
                                .getScreenshotAs(OutputType.FILE)
                                .toPath(),
                        shot,
                        StandardCopyOption.REPLACE_EXISTING);
                browser.manage().window().setSize(size);
                open("/admin/maintenance/" + id);

                // Nobody chosen: the page says so and nothing is counted or sent.
                submitWith("#send-button");
                assertErrorSummaryFocusedAndLinked();
                assertThat(find("#audiences-error").getText()).contains(language[5]);
                assertAccessible("announcement with no audience chosen " + lang);

                tick("input[name=audiences][value=PATRONS]");
                choose("when", "NOW");
                submitWith("#send-button");
                assertThat(find("h1").getText()).isEqualTo(language[2]);
                long counted = Long.parseLong(
                        find("#confirm-counts tbody tr td:last-child").getText());
                assertThat(counted).isPositive();
                assertThat(queued(id))
                        .as("nothing queued before the confirmation")
                        .isZero();
                assertAccessible("announcement confirmation " + lang);

                submitWith("#confirm-button");
                assertThat(find(".flash").getText()).contains(language[3]);
                assertThat(queued(id)).isEqualTo(counted);
                assertThat(find("#sendings tbody tr td:nth-child(4)").getText()).isEqualTo(String.valueOf(counted));
                assertAccessible("maintenance window after sending " + lang);

                new WebDriverWait(browser, Duration.ofSeconds(60))
                        .pollingEvery(Duration.ofMillis(200))
                        .until(d -> !TestMail.to(patronEmail).isEmpty());
                var mail = TestMail.to(patronEmail).get(0);
                assertThat(mail.getSubject()).contains(title);
                assertThat(TestMail.body(mail)).contains(language[4]).doesNotContain("Celianet");
            } finally {
                Outbox.cancel(jdbc, id);
                jdbc.sql("DELETE FROM maintenance_window WHERE id = :id")
                        .param("id", id)
                        .update();
            }
        }
    }

    private long queued(UUID window) {
        return jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS + " WHERE reference_id = :id")
                .param("id", window)
                .query(Long.class)
                .single();
    }

    private String banner() {
        return browser.findElements(By.cssSelector(".maintenance-banner")).stream()
                .map(e -> e.getText())
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private int countPatrons(String code) {
        return jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                .param("c", TestSealing.index(code))
                .query(Integer.class)
                .single();
    }
}
