package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.internal.Announcements;
import fi.celia.celianet.maintenance.internal.SendingKind;
import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class MaintenanceWindowAdminTest extends IntegrationTest {

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    Announcements announcements;

    RequestPostProcessor admin;

    @BeforeEach
    void signInAsAdministrator() throws Exception {
        var account = data.account(Role.ADMIN, null);
        admin = signIn(account.getUsername(), TestData.PASSWORD);
    }

    @Test
    void anAdministratorSchedulesAWindowInHelsinkiTimeAndSeesItListedWithItsState() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Konesalimuutto");
        var result = mvc.perform(form(
                                post("/admin/maintenance"),
                                start.toString(),
                                start.plusDays(7).plusHours(8).toString(),
                                start.minusDays(14).toString(),
                                title)
                        .param("services", "PASSWORD_RESET", "LENDING")
                        .param("channels", "EMAIL"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern("/admin/maintenance/*"))
                .andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().substring("/admin/maintenance/".length()));

        var row = jdbc.sql(
                        "SELECT starts_at, ends_at, announce_from, services, open_channels::text AS channels FROM maintenance_window WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {
                    rs.getTimestamp(1).toInstant(),
                    rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5)
                })
                .single();
        assertThat(row[0]).isEqualTo(Windows.at(start));
        assertThat(Helsinki.at((Instant) row[0]).getHour()).isEqualTo(8);
        assertThat(row[1]).isEqualTo(Windows.at(start.plusDays(7).plusHours(8)));
        assertThat(row[2]).isEqualTo(Windows.at(start.minusDays(14)));
        assertThat(row[3]).isEqualTo("{PASSWORD_RESET,LENDING}".equals(row[3]) ? row[3] : "{LENDING,PASSWORD_RESET}");
        assertThat(row[4]).isEqualTo("{EMAIL}");

        mvc.perform(get("/admin/maintenance").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("Ajoitettu")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/admin/maintenance/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("maanantai")))
                .andExpect(content().string(containsString("value=\"" + start + "\"")))
                .andExpect(content().string(not(containsString("??"))));
        for (String lang : new String[] {"sv", "en"}) {
            mvc.perform(get("/admin/maintenance/" + id).param("lang", lang).with(admin))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
    }

    @Test
    void theStateFollowsTheClockToTheSecond() {
        LocalDateTime start = Windows.freshMonday();
        UUID id = Windows.create(
                windows, start, 10, 7, Windows.title("Tila"), Windows.only(ClosableService.LENDING), Set.of());
        Instant announce = Windows.at(start.minusDays(7));
        Instant starts = Windows.at(start);
        Instant ends = Windows.at(start.plusHours(10));

        assertStateAt(id, announce.minusSeconds(1), WindowState.SCHEDULED);
        assertStateAt(id, announce, WindowState.ANNOUNCED);
        assertStateAt(id, starts.minusSeconds(1), WindowState.ANNOUNCED);
        assertStateAt(id, starts, WindowState.IN_PROGRESS);
        assertStateAt(id, ends.minusSeconds(1), WindowState.IN_PROGRESS);
        assertStateAt(id, ends, WindowState.COMPLETED);
    }

    @Test
    void aWindowCanBeEndedEarlyAndAnotherCancelled() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        UUID running = Windows.create(
                windows, start, 10, 7, Windows.title("Kesken"), Windows.only(ClosableService.REGISTRATION), Set.of());
        UUID later = Windows.create(
                windows,
                start.plusDays(3),
                10,
                7,
                Windows.title("Myöhemmin"),
                Windows.only(ClosableService.REGISTRATION),
                Set.of());
        clock.set(Windows.at(start.plusHours(2)));
        assertThat(windows.isOpen(ClosableService.REGISTRATION)).isFalse();

        mvc.perform(post("/admin/maintenance/" + later + "/end").with(admin)).andExpect(status().isSeeOther());
        assertThat(windows.find(later).orElseThrow().state()).isEqualTo(WindowState.ANNOUNCED);
        mvc.perform(post("/admin/maintenance/" + running + "/end").with(admin)).andExpect(status().isSeeOther());
        assertThat(windows.find(running).orElseThrow().state()).isEqualTo(WindowState.COMPLETED);
        assertThat(windows.isOpen(ClosableService.REGISTRATION)).isTrue();

        mvc.perform(post("/admin/maintenance/" + later + "/cancel").with(admin)).andExpect(status().isSeeOther());
        clock.set(Windows.at(start.plusDays(3).plusHours(1)));
        assertThat(windows.find(later).orElseThrow().state()).isEqualTo(WindowState.CANCELLED);
        assertThat(windows.isOpen(ClosableService.REGISTRATION)).isTrue();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE target_type = 'MAINTENANCE_WINDOW' AND target_id IN (:a, :b) AND action IN ('MAINTENANCE_WINDOW_CANCELLED', 'MAINTENANCE_WINDOW_ENDED_EARLY')")
                        .param("a", running.toString())
                        .param("b", later.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void overlappingWindowsCloseAServiceWhileAnyOfThemIsInProgress() {
        LocalDateTime start = Windows.freshMonday();
        String first = Windows.title("Eka");
        Windows.create(windows, start, 10, 1, first, Windows.only(ClosableService.PASSWORD_RESET), Set.of());
        String second = Windows.title("Toka");
        Windows.create(
                windows,
                start.plusHours(5),
                10,
                1,
                second,
                Windows.only(ClosableService.PASSWORD_RESET, ClosableService.LENDING),
                Set.of(ContactChannel.EMAIL));

        clock.set(Windows.at(start.plusHours(1)));
        assertThat(windows.closure(ClosableService.PASSWORD_RESET))
                .get()
                .extracting(n -> n.title("fi"))
                .isEqualTo(first);
        assertThat(windows.isOpen(ClosableService.LENDING)).isTrue();
        clock.set(Windows.at(start.plusHours(6)));
        assertThat(windows.closure(ClosableService.PASSWORD_RESET))
                .get()
                .extracting(n -> n.title("fi"))
                .isEqualTo(second);
        clock.set(Windows.at(start.plusHours(12)));
        var notice = windows.closure(ClosableService.LENDING).orElseThrow();
        assertThat(notice.endsAt()).isEqualTo(Windows.at(start.plusHours(15)));
        assertThat(notice.openChannels()).containsExactly(ContactChannel.EMAIL);
        assertThat(notice.title("sv")).isEqualTo(second + " (sv)");
        assertThat(notice.title("en")).isEqualTo(second);
        clock.set(Windows.at(start.plusHours(15)));
        assertThat(windows.isOpen(ClosableService.PASSWORD_RESET)).isTrue();
        assertThat(windows.isOpen(ClosableService.LENDING)).isTrue();
    }

    @Test
    void aWindowOverTheAutumnClockChangeKeepsItsWallClockTimes() throws Exception {
        // Summer time ends on Sunday 26 October 2031 at 04:00 EEST.
        LocalDateTime start = LocalDateTime.of(2031, 10, 25, 8, 0);
        LocalDateTime end = LocalDateTime.of(2031, 10, 27, 16, 0);
        String title = Windows.title("Kellonsiirto");
        var result = mvc.perform(form(
                                post("/admin/maintenance"),
                                start.toString(),
                                end.toString(),
                                start.minusDays(3).toString(),
                                title)
                        .param("services", "LENDING"))
                .andExpect(status().isSeeOther())
                .andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().substring("/admin/maintenance/".length()));
        var window = windows.find(id).orElseThrow().window();
        assertThat(window.startsAt()).isEqualTo(Instant.parse("2031-10-25T05:00:00Z"));
        assertThat(window.endsAt()).isEqualTo(Instant.parse("2031-10-27T14:00:00Z"));
        mvc.perform(get("/admin/maintenance/" + id).with(admin))
                .andExpect(content().string(containsString("value=\"2031-10-27T16:00\"")));
    }

    @Test
    void timesTypedAsPeopleWriteThemAreSavedInHelsinkiTime() throws Exception {
        // a browser without a date-time picker sends what the person typed, as the hint shows it
        String title = Windows.title("Kirjoitettu aika");
        var result = mvc.perform(form(
                                post("/admin/maintenance"),
                                "25.10.2031 klo 8.00",
                                "27.10.2031 kl. 16:00",
                                "22.10.2031 9.00",
                                title)
                        .param("services", "LENDING"))
                .andExpect(status().isSeeOther())
                .andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().substring("/admin/maintenance/".length()));
        var window = windows.find(id).orElseThrow().window();
        assertThat(window.startsAt()).isEqualTo(Instant.parse("2031-10-25T05:00:00Z"));
        assertThat(window.endsAt()).isEqualTo(Instant.parse("2031-10-27T14:00:00Z"));
        assertThat(window.announceFrom()).isEqualTo(Instant.parse("2031-10-22T06:00:00Z"));
    }

    @Test
    void eachMistakeHasItsOwnMessageAndTheInputIsKept() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Virhe");

        expectError(
                form(
                                post("/admin/maintenance"),
                                start.toString(),
                                start.minusHours(1).toString(),
                                start.minusDays(1).toString(),
                                title)
                        .param("services", "LENDING"),
                "Päättymisajan on oltava alkamisajan jälkeen.",
                title);
        expectError(
                form(
                                post("/admin/maintenance"),
                                start.toString(),
                                start.plusHours(1).toString(),
                                start.plusMinutes(1).toString(),
                                title)
                        .param("services", "LENDING"),
                "Tiedottaminen ei voi alkaa katkon alkamisen jälkeen.",
                title);
        expectError(
                form(post("/admin/maintenance"), "2020-01-01T08:00", "2020-01-01T10:00", "2019-12-31T08:00", title)
                        .param("services", "LENDING"),
                "Katko on kokonaan menneisyydessä",
                title);
        expectError(
                form(
                                post("/admin/maintenance"),
                                start.toString(),
                                start.plusHours(1).toString(),
                                start.minusDays(1).toString(),
                                "   ")
                        .param("titleEn", title)
                        .param("services", "LENDING"),
                "Anna otsikko suomeksi.",
                title);
        expectError(
                form(
                        post("/admin/maintenance"),
                        start.toString(),
                        start.plusHours(1).toString(),
                        start.minusDays(1).toString(),
                        title),
                "Valitse vähintään yksi palvelu",
                title);
        expectError(
                form(
                                post("/admin/maintenance"),
                                "ensi maanantaina",
                                start.plusHours(1).toString(),
                                start.minusDays(1).toString(),
                                title)
                        .param("services", "LENDING"),
                "Alkamisaika ei ole kelvollinen",
                "ensi maanantaina");
        expectError(
                form(
                                post("/admin/maintenance"),
                                start.toString(),
                                "2031-02-30T08:00",
                                start.minusDays(1).toString(),
                                title)
                        .param("services", "LENDING"),
                "Päättymisaika ei ole kelvollinen",
                "2031-02-30T08:00");

        assertThat(jdbc.sql("SELECT count(*) FROM maintenance_window WHERE title_fi = :t OR title_en = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCompletedWindowCanNoLongerBeChanged() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        UUID id = Windows.create(
                windows, start, 2, 1, Windows.title("Ohi"), Windows.only(ClosableService.LENDING), Set.of());
        clock.set(Windows.at(start.plusHours(3)));
        mvc.perform(form(
                                post("/admin/maintenance/" + id),
                                start.plusDays(1).toString(),
                                start.plusDays(2).toString(),
                                start.toString(),
                                "Uusi")
                        .param("services", "LENDING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Päättynyttä tai peruttua katkoa ei voi enää muuttaa.")));
        assertThat(windows.find(id).orElseThrow().window().title("fi")).isNotEqualTo("Uusi");
    }

    @Test
    void reschedulingBumpsTheVersionButEditingTheTextDoesNot() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Siirto");
        UUID id = Windows.create(windows, start, 2, 1, title, Windows.only(ClosableService.LENDING), Set.of());
        mvc.perform(form(
                                post("/admin/maintenance/" + id),
                                start.toString(),
                                start.plusHours(2).toString(),
                                start.minusDays(1).toString(),
                                title + " korjattu")
                        .param("services", "LENDING"))
                .andExpect(status().isSeeOther());
        assertThat(windows.find(id).orElseThrow().window().version()).isEqualTo(1);
        mvc.perform(form(
                                post("/admin/maintenance/" + id),
                                start.plusDays(1).toString(),
                                start.plusDays(1).plusHours(2).toString(),
                                start.minusDays(1).toString(),
                                title)
                        .param("services", "LENDING"))
                .andExpect(status().isSeeOther());
        var window = windows.find(id).orElseThrow().window();
        assertThat(window.version()).isEqualTo(2);
        assertThat(window.startsAt()).isEqualTo(Windows.at(start.plusDays(1)));
    }

    @Test
    void aSaveFromAPageSomeoneElseHasSavedSinceEndsOnTheConflictPageAndChangesNothing() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Rinnakkain");
        UUID id = Windows.create(windows, start, 2, 1, title, Windows.only(ClosableService.LENDING), Set.of());
        String first = lockVersionOn("/admin/maintenance/" + id);
        String second = lockVersionOn("/admin/maintenance/" + id);
        assertThat(first).isEqualTo(second).isNotBlank();

        mvc.perform(form(
                                post("/admin/maintenance/" + id),
                                start.toString(),
                                start.plusHours(2).toString(),
                                start.minusDays(1).toString(),
                                title + " ensin")
                        .param("services", "LENDING")
                        .param("lockVersion", first))
                .andExpect(status().isSeeOther());
        mvc.perform(form(
                                post("/admin/maintenance/" + id),
                                start.plusDays(1).toString(),
                                start.plusDays(1).plusHours(2).toString(),
                                start.minusDays(1).toString(),
                                title + " toisena")
                        .param("services", "LENDING")
                        .param("lockVersion", second))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Joku muu muutti tätä tietoa samaan aikaan.")));

        var window = windows.find(id).orElseThrow().window();
        assertThat(window.title("fi")).isEqualTo(title + " ensin");
        assertThat(window.startsAt()).isEqualTo(Windows.at(start));
        assertThat(window.version())
                .as("the refused reschedule counts for nothing")
                .isEqualTo(1);
    }

    @Test
    void announcingAWindowIsNotAnEditSoAnOpenPageCanStillBeSaved() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Tiedotettu");
        UUID id = Windows.create(windows, start, 2, 1, title, Windows.only(ClosableService.LENDING), Set.of());
        clock.set(Windows.at(start.minusHours(1)));
        String shown = lockVersionOn("/admin/maintenance/" + id);
        announcements.send(
                UUID.randomUUID(), id, SendingKind.ANNOUNCEMENT, Set.of(Audience.ORGANISATIONS), false, 0, "test");
        assertThat(windows.find(id).orElseThrow().window().announcedVersion()).isEqualTo(1);

        mvc.perform(form(
                                post("/admin/maintenance/" + id),
                                start.toString(),
                                start.plusHours(2).toString(),
                                start.minusDays(1).toString(),
                                title + " korjattu")
                        .param("services", "LENDING")
                        .param("lockVersion", shown))
                .andExpect(status().isSeeOther());
        var window = windows.find(id).orElseThrow().window();
        assertThat(window.title("fi")).isEqualTo(title + " korjattu");
        assertThat(window.announcedVersion()).isEqualTo(window.version()).isEqualTo(1);
    }

    private String lockVersionOn(String path) throws Exception {
        String page = mvc.perform(get(path).with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(page).select("input[name=lockVersion]").attr("value");
    }

    @Test
    void otherRolesCannotManageWindows() throws Exception {
        var library = data.library(TestData.unique("Kirjasto"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        mvc.perform(get("/admin/maintenance").with(registrar)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/maintenance/new").with(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/maintenance/new").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("type=\"datetime-local\"")))
                .andExpect(content().string(not(containsString("??"))));
    }

    private void expectError(MockHttpServletRequestBuilder request, String message, String kept) throws Exception {
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString(kept)));
    }

    private MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request,
            String startsAt,
            String endsAt,
            String announceFrom,
            String titleFi) {
        return request.with(admin)
                .param("startsAt", startsAt)
                .param("endsAt", endsAt)
                .param("announceFrom", announceFrom)
                .param("titleFi", titleFi)
                .param("titleSv", "")
                .param("titleEn", "")
                .param("messageFi", "Asiakaspalvelu palvelee sähköpostitse.")
                .param("messageSv", "")
                .param("messageEn", "");
    }

    private void assertStateAt(UUID id, Instant at, WindowState expected) {
        clock.set(at);
        assertThat(windows.find(id).orElseThrow().state()).as("state at %s", at).isEqualTo(expected);
    }
}
