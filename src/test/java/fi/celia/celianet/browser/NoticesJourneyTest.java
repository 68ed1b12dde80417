package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.maintenance.NoticeDetails;
import fi.celia.celianet.maintenance.NoticeKind;
import fi.celia.celianet.maintenance.ServiceNotices;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A registrar finds the service notices from the navigation: a coming Q&A session with its join link, a known
 * issue with its workaround; service staff find the page where notices are published.
 */
class NoticesJourneyTest extends BrowserTest {

    @Autowired
    ServiceNotices notices;

    @Test
    void aRegistrarFindsTheNoticesAndStaffFindWhereToPublishThem() {
        Instant now = clock.instant();
        String session = TestData.unique("Kysymystuokio");
        String issue = TestData.unique("Tunnettu ongelma");
        notices.create(
                new NoticeDetails(
                        NoticeKind.QA_SESSION,
                        Map.of("fi", session, "sv", session),
                        Map.of("fi", "Kysy rekisteröinnistä.", "sv", "Fråga om registreringen."),
                        Map.of(),
                        now.plus(Duration.ofDays(2)),
                        "https://meet.example.fi/celia",
                        Map.of(),
                        now.minus(Duration.ofHours(1)),
                        null),
                "test");
        notices.create(
                new NoticeDetails(
                        NoticeKind.KNOWN_ISSUE,
                        Map.of("fi", issue, "sv", issue),
                        Map.of("fi", "Tallennus näyttää virheen.", "sv", "Sparandet visar ett fel."),
                        Map.of("fi", "Tarkista asiakashaulla.", "sv", "Kontrollera med kundsökningen."),
                        null,
                        null,
                        Map.of(),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofDays(1))),
                "test");

        var library = data.library(TestData.unique("Ilmoituskirjasto"));
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        open("/?lang=fi");
        tabTo("nav.main-nav a[href='/notices']");
        andWait(() -> press(Keys.ENTER));
        assertThat(find("h1").getText()).isEqualTo("Palvelutiedotteet");
        assertThat(find("nav.main-nav a[aria-current=page]").getText()).isEqualTo("Tiedotteet");
        assertThat(find("#coming-sessions").getText()).contains(session).contains("Liity tuokioon");
        assertThat(find("#current-notices").getText()).contains(issue).contains("Tarkista asiakashaulla.");
        assertAccessible("notices page fi");
        open("/notices?lang=sv");
        assertLanguage("sv");
        assertThat(find("#coming-sessions h2").getText()).isEqualTo("Kommande frågestunder");
        assertThat(find("#current-notices").getText()).contains("Kontrollera med kundsökningen.");
        assertAccessible("notices page sv");
        open("/notices?lang=fi");

        browser.manage().deleteAllCookies();
        signInAs(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        open("/");
        tabTo("nav.main-nav a[href='/notices/manage']");
        andWait(() -> press(Keys.ENTER));
        assertThat(find("h1").getText()).isEqualTo("Palvelutiedotteiden hallinta");
        assertThat(find("main").getText()).contains(session).contains(issue);
        assertAccessible("notice management fi");
    }
}
