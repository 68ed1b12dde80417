package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.RealHttp;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MaintenanceBannerTest extends IntegrationTest {

    @Autowired
    MaintenanceWindows windows;

    @Test
    void theBannerOnTheSignInPageChangesAtAnnouncementStartAndEnd() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Konesali");
        UUID id = Windows.create(
                windows,
                start,
                48,
                14,
                title,
                EnumSet.of(ClosableService.REGISTRATION, ClosableService.PASSWORD_RESET),
                Set.of(ContactChannel.EMAIL));
        Instant announce = Windows.at(start.minusDays(14));
        Instant starts = Windows.at(start);
        Instant ends = Windows.at(start.plusHours(48));

        assertThat(bannerAt(announce.minusSeconds(1), id)).isNull();

        Element announced = bannerAt(announce, id);
        assertThat(announced).isNotNull();
        assertThat(announced.hasClass("warning")).isTrue();
        assertThat(announced.text())
                .contains("Tulossa huoltokatko: " + title)
                .contains("maanantaina " + start.getDayOfMonth() + "." + start.getMonthValue() + "." + start.getYear()
                        + " 08:00")
                .contains("asiakkaiden rekisteröinti")
                .contains("salasanan vaihto")
                .doesNotContain("lainaus")
                .contains("Katkon aikana voit ottaa yhteyttä: sähköposti")
                .contains("Viesti " + title);
        assertThat(bannerAt(starts.minusSeconds(1), id).text()).contains("Tulossa huoltokatko");

        Element running = bannerAt(starts, id);
        assertThat(running.hasClass("warning")).isTrue();
        assertThat(running.text())
                .contains("Huoltokatko käynnissä: " + title)
                .contains("keskiviikkona " + start.plusDays(2).getDayOfMonth() + "."
                        + start.plusDays(2).getMonthValue() + "." + start.getYear() + " 08:00 asti");
        assertThat(bannerAt(ends.minusSeconds(1), id).text()).contains("Huoltokatko käynnissä");

        Element after = bannerAt(ends, id);
        assertThat(after.hasClass("notice")).isTrue();
        assertThat(after.hasClass("warning")).isFalse();
        assertThat(after.text())
                .contains("Huoltokatko on päättynyt: " + title)
                .contains("ilmoita siitä asiakaspalveluun");
        assertThat(bannerAt(ends.plus(Duration.ofDays(7)).minusSeconds(1), id).hasClass("notice"))
                .isTrue();
        assertThat(bannerAt(ends.plus(Duration.ofDays(7)), id)).isNull();
    }

    @Test
    void theBannerSpeaksThePageLanguageWithFinnishAsTheFallback() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Kieli");
        UUID id = Windows.create(windows, start, 4, 1, title, EnumSet.of(ClosableService.LENDING), Set.of());
        clock.set(Windows.at(start.plusHours(1)));

        Element sv = banner(
                Jsoup.parse(mvc.perform(get("/login").param("lang", "sv"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()),
                id);
        assertThat(sv.text())
                .contains("Serviceavbrott pågår: " + title + " (sv)")
                .contains("utlåning i läsappar")
                .contains("Kundtjänsten kan inte nås under avbrottet.")
                .contains("måndag");
        Element en = banner(
                Jsoup.parse(mvc.perform(get("/login").param("lang", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()),
                id);
        assertThat(en.text())
                .contains("Maintenance break in progress: " + title)
                .doesNotContain(title + " (sv)")
                .contains("Message " + title)
                .contains("Monday");
    }

    @Test
    void signedInPagesAndErrorPagesCarryTheBannerToo() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Kaikkialla");
        UUID id = Windows.create(
                windows, start, 4, 1, title, EnumSet.of(ClosableService.REGISTRATION), Set.of(ContactChannel.PHONE));
        clock.set(Windows.at(start.minusHours(1)));

        var library = data.library(TestData.unique("Kirjasto"));
        var registrar = data.account(Role.REGISTRAR, library);
        var browser = new RealHttp(port);
        browser.signIn(registrar.getUsername(), TestData.PASSWORD);

        var home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(banner(Jsoup.parse(home.body()), id)).isNotNull();

        var forbidden = browser.get("/admin/maintenance");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(banner(Jsoup.parse(forbidden.body()), id).text()).contains(title);

        var admin = new RealHttp(port);
        admin.signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        var missing = admin.get("/admin/maintenance/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(banner(Jsoup.parse(missing.body()), id).text()).contains(title);

        var anonymous = new RealHttp(port);
        var signInPage = anonymous.get("/login");
        assertThat(banner(Jsoup.parse(signInPage.body()), id).text())
                .contains(title)
                .contains("puhelin");
    }

    private Element bannerAt(Instant at, UUID id) throws Exception {
        clock.set(at);
        var response = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return banner(Jsoup.parse(response.getContentAsString()), id);
    }

    private static Element banner(Document page, UUID id) {
        Element heading = page.getElementById("maintenance-banner-" + id);
        return heading == null ? null : heading.parent();
    }
}
