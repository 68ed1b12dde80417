package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.internal.AnnouncementJob;
import fi.celia.celianet.maintenance.internal.Announcements;
import fi.celia.celianet.shared.CountCache;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.Outbox;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Announcement mails go out only when an administrator sends them: saving a window or reaching its announce time
 * queues nothing; the window's page counts the audiences, the confirmation page repeats the counts, and only its
 * button queues the mails, once.
 */
class AnnouncementSendingTest extends IntegrationTest {

    @Autowired
    private CountCache counts;

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    Announcements announcements;

    @Autowired
    AnnouncementJob job;

    RequestPostProcessor admin;

    @BeforeEach
    void signInAsAdministrator() throws Exception {
        admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
    }

    @Test
    void savingAWindowWhoseAnnounceTimeHasPassedQueuesNoMailNorDoesTheJob() throws Exception {
        data.patron(
                TestData.unique("Hiljainen Asiakas"), null, null, TestData.unique("hiljainen") + "@example.fi", false);
        LocalDateTime start =
                LocalDateTime.now(Helsinki.ZONE).plusDays(2).withSecond(0).withNano(0);
        String title = Windows.title("Hiljaa");
        var created = mvc.perform(post("/admin/maintenance")
                        .with(admin)
                        .param("startsAt", start.toString())
                        .param("endsAt", start.plusHours(4).toString())
                        .param("announceFrom", start.minusDays(3).toString())
                        .param("titleFi", title)
                        .param("titleSv", "")
                        .param("titleEn", "")
                        .param("messageFi", "")
                        .param("messageSv", "")
                        .param("messageEn", "")
                        .param("services", "LENDING")
                        .param("channels", "EMAIL"))
                .andExpect(status().isSeeOther())
                .andReturn();
        UUID id = UUID.fromString(created.getResponse().getRedirectedUrl().substring("/admin/maintenance/".length()));
        try {
            assertThat(windows.find(id).orElseThrow().state()).isEqualTo(WindowState.ANNOUNCED);
            // Saved again (a reschedule), and the job run twice: still nothing.
            windows.update(
                    id,
                    Windows.lending(
                            start.plusHours(1), start.plusHours(5), start.minusDays(3), title, ContactChannel.EMAIL),
                    "test");
            job.run();
            assertThat(announcements.enqueueDue()).isZero();
            assertThat(mailsAbout(id)).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM announcement_sending WHERE window_id = :id")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .isZero();

            // as on a freshly started instance, which has counted nothing yet
            counts.forget(key -> true);
            Document page = page("/admin/maintenance/" + id);
            assertThat(page.select("#send-button").text()).isEqualTo("Lähetä tiedote");
            assertThat(page.select("#sendings")).isEmpty();
            assertThat(page.select("#mail-progress")).isEmpty();
            // The counts come from the database as it is now, by audience and language.
            long patronsNow = jdbc.sql(
                            """
                    SELECT count(DISTINCT lower(btrim(email))) FROM patron
                    WHERE status = 'ACTIVE' AND credentials_to = 'PATRON' AND btrim(coalesce(email, '')) <> ''""")
                    .query(Long.class)
                    .single();
            long shown = Long.parseLong(page.select("#count-PATRONS td").last().text());
            assertThat(shown).isGreaterThanOrEqualTo(patronsNow);
            assertThat(page.select("#audience-counted").text()).startsWith("Laskettu juuri nyt.");

            // Counting every patron again on each view would read the whole patron table: the counts are kept a
            // few minutes, the page saying how old they are, and counted again after that.
            data.patron(TestData.unique("Uusi Laaksonen"), null, null, TestData.unique("uusi") + "@example.fi", false);
            clock.advance(Duration.ofMinutes(2));
            page = page("/admin/maintenance/" + id);
            assertThat(Long.parseLong(page.select("#count-PATRONS td").last().text()))
                    .isEqualTo(shown);
            assertThat(page.select("#audience-counted").text()).startsWith("Laskettu 2 minuuttia sitten.");
            clock.advance(Duration.ofMinutes(4));
            page = page("/admin/maintenance/" + id);
            assertThat(Long.parseLong(page.select("#count-PATRONS td").last().text()))
                    .isGreaterThan(shown);
            assertThat(page.select("#audience-counted").text()).startsWith("Laskettu juuri nyt.");
        } finally {
            delete(id);
        }
    }

    @Test
    void sendNowQueuesExactlyTheCountedMailsOnceWhateverIsPressedAgain() throws Exception {
        var library = data.library(TestData.unique("Tiedotekirjasto"));
        for (int i = 0; i < 3; i++) {
            data.patron(
                    TestData.unique("Lukija Laaksonen"),
                    library,
                    null,
                    TestData.unique("lukija") + "@example.fi",
                    false);
        }
        UUID id = window("Heti");
        try {
            Document confirm = confirmPage(id, List.of("ORGANISATIONS", "PATRONS"), "NOW");
            assertThat(confirm.select("h1").text()).isEqualTo("Vahvista tiedotteen lähetys");
            long expected =
                    Long.parseLong(confirm.select("input[name=expected]").val());
            assertThat(expected).isPositive();
            assertThat(confirm.select("#confirm-total").text())
                    .isEqualTo("Viestejä lähtee heti yhteensä: " + expected + ".");
            long perAudience = confirm.select("#confirm-counts tbody tr").stream()
                    .mapToLong(row -> Long.parseLong(row.select("td").last().text()))
                    .sum();
            assertThat(perAudience).isEqualTo(expected);
            assertThat(mailsAbout(id))
                    .as("the confirmation page queues nothing")
                    .isZero();

            var form = formOf(confirm);
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(form))
                    .andExpect(status().isSeeOther())
                    .andExpect(flash().attribute("flashMessage", "maintenance.send.queued"));
            assertThat(mailsAbout(id)).isEqualTo(expected);
            // The same confirmation again (a double press, a re-sent form): nothing more.
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(form))
                    .andExpect(status().isSeeOther())
                    .andExpect(flash().attribute("flashMessage", "maintenance.send.alreadyDone"));
            // A new confirmation of the same announcement: each address has it already.
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(formOf(confirmPage(id, List.of("ORGANISATIONS", "PATRONS"), "NOW"))))
                    .andExpect(status().isSeeOther());
            assertThat(mailsAbout(id)).isEqualTo(expected);
            assertThat(jdbc.sql(
                                    """
                    SELECT count(*) FROM (SELECT lower(recipient) FROM %s WHERE reference_id = :id
                    GROUP BY lower(recipient) HAVING count(*) > 1) twice"""
                                            .formatted(Outbox.MAILS))
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .as("addresses with two mails")
                    .isZero();

            var recorded = jdbc.sql(
                            """
                    SELECT confirmed_count, queued_count, kind, window_version, audiences::text, created_by
                    FROM announcement_sending WHERE window_id = :id ORDER BY created_at""")
                    .param("id", id)
                    .query((rs, n) -> List.of(
                            rs.getInt(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getString(5),
                            rs.getString(6)))
                    .list();
            assertThat(recorded).hasSize(2);
            assertThat(recorded.get(0).subList(0, 5))
                    .containsExactly((int) expected, (int) expected, "ANNOUNCEMENT", 1, "{ORGANISATIONS,PATRONS}");
            assertThat(recorded.get(1).get(1)).isEqualTo(0);

            Document page = page("/admin/maintenance/" + id);
            Element first = page.select("#sendings tbody tr").first();
            assertThat(first.select("td").get(0).text()).isEqualTo("Tiedote");
            assertThat(first.select("td").get(3).text()).isEqualTo(String.valueOf(expected));
            assertThat(first.select("td").get(4).text()).startsWith(expected + " (");
            assertThat(page.select("#mail-progress-bar").attr("max")).isEqualTo(String.valueOf(expected));
        } finally {
            delete(id);
        }
    }

    @Test
    void thePreviewAndThePatronsOwnMailSpeakToPatronsAndAGuardianIsToldAboutTheChild() throws Exception {
        String own = TestData.unique("oma") + "@example.fi";
        String childsOwn = TestData.unique("lapsi") + "@example.fi";
        String guardian = TestData.unique("huoltaja") + "@example.fi";
        data.patron(TestData.unique("Aikuinen Asiakas"), null, null, own, false);
        UUID child = data.patron("Ville Virtanen", null, null, childsOwn, false);
        jdbc.sql(
                        """
                UPDATE patron SET credentials_to = 'GUARDIAN', guardian_name = 'Hanna Virtanen', guardian_email = :g,
                    guardian_consent = true WHERE id = :id""")
                .param("g", guardian)
                .param("id", child)
                .update();
        UUID id = window("Esikatselu");
        try {
            Document preview = page("/admin/maintenance/" + id + "/preview");
            String patronFi = preview.select("#preview-PATRON-fi").text();
            assertThat(patronFi)
                    .contains("käyttämäsi palvelu Celian verkkokirjasto on huoltokatkon vuoksi tauolla")
                    .contains("Katkon aikana ei toimi: kirjojen lainaaminen ja lataaminen lukusovelluksissa.")
                    .contains("sähköposti asiakaspalvelu@celia.fi")
                    .doesNotContain("Celianet");
            assertThat(preview.select("#preview-STAFF-fi").text()).contains("Celianetissä on huoltokatko");
            assertThat(preview.select("#preview-GUARDIAN-fi").text())
                    .contains("koska Celian viestit asiakkaalle Maija Meikäläinen tulevat sinulle")
                    .contains("jota Maija Meikäläinen käyttää");
            assertThat(preview.select("#preview-PATRON-sv").text())
                    .contains("tjänsten Celias webbibliotek som du använder");

            Document confirm = confirmPage(id, List.of("PATRONS"), "NOW");
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(formOf(confirm)))
                    .andExpect(status().isSeeOther());
            Map<String, String> bodies = new HashMap<>();
            jdbc.sql("SELECT recipient, body FROM " + Outbox.MAILS + " WHERE reference_id = :id AND recipient IN (:r)")
                    .param("id", id)
                    .param("r", List.of(own, childsOwn, guardian))
                    .query((rs, n) -> bodies.put(rs.getString(1), rs.getString(2)))
                    .list();
            assertThat(bodies).containsOnlyKeys(own, guardian);
            assertThat(bodies.get(own)).contains("käyttämäsi palvelu Celian verkkokirjasto");
            assertThat(bodies.get(guardian))
                    .contains("koska Celian viestit asiakkaalle Ville Virtanen tulevat sinulle")
                    .contains(
                            "Palvelu Celian verkkokirjasto, jota Ville Virtanen käyttää, on huoltokatkon vuoksi tauolla");
            assertThat(jdbc.sql(
                                    """
                    SELECT count(*) FROM %s JOIN staff_account s ON lower(s.email) = lower(mails.recipient)
                    WHERE mails.reference_id = :id"""
                                            .formatted(Outbox.MAILS))
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .as("staff, not chosen, get nothing")
                    .isZero();
        } finally {
            delete(id);
        }
    }

    @Test
    void aScheduledSendingQueuesAtTheAnnounceTimeWithARecount() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Ajastettu");
        UUID id = Windows.create(windows, start, 4, 7, title, Windows.only(ClosableService.LENDING), Set.of());
        try {
            Document confirm = confirmPage(id, List.of("PATRONS"), "SCHEDULED");
            assertThat(confirm.select("#confirm-when").text()).startsWith("Tiedotusajan alkaessa (");
            long counted = Long.parseLong(confirm.select("input[name=expected]").val());
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(formOf(confirm)))
                    .andExpect(status().isSeeOther())
                    .andExpect(flash().attribute("flashMessage", "maintenance.send.scheduled"));
            job.run();
            assertThat(announcements.enqueueDue()).isZero();
            assertThat(mailsAbout(id)).isZero();
            assertThat(page("/admin/maintenance/" + id)
                            .select("#sendings tbody tr td")
                            .get(4)
                            .text())
                    .isEqualTo("Ei vielä lähtenyt");

            // The audience grows before the announce time; moving the announce time moves the sending with it.
            String late = TestData.unique("myohassa") + "@example.fi";
            data.patron(TestData.unique("Myöhäinen Lukija"), null, null, late, false);
            windows.update(id, Windows.lending(start, start.plusHours(4), start.minusDays(6), title), "test");
            clock.set(Windows.at(start.minusDays(7)).plus(Duration.ofHours(1)));
            assertThat(announcements.enqueueDue())
                    .as("not at the old announce time")
                    .isZero();
            clock.set(Windows.at(start.minusDays(6)).plusSeconds(1));
            // The scheduled job may take it first; either way it is queued once, counted again.
            announcements.enqueueDue();
            var row = jdbc.sql(
                            "SELECT confirmed_count, queued_count, queued_at IS NOT NULL FROM announcement_sending WHERE window_id = :id")
                    .param("id", id)
                    .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
                    .single();
            int queued = (Integer) row.get(1);
            assertThat(row).containsExactly((int) counted, queued, true);
            assertThat(queued).isGreaterThanOrEqualTo((int) counted + 1);
            assertThat(mailsAbout(id)).isEqualTo(queued);
            assertThat(jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS + " WHERE reference_id = :id AND recipient = :r")
                            .param("id", id)
                            .param("r", late)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(announcements.enqueueDue()).as("queued once").isZero();
            var cells = page("/admin/maintenance/" + id).select("#sendings tbody tr td");
            assertThat(cells.get(2).text()).startsWith("Ajastettu: ");
            assertThat(cells.get(3).text()).isEqualTo(String.valueOf(counted));
            assertThat(cells.get(4).text()).startsWith(queued + " (");
        } finally {
            delete(id);
        }
    }

    @Test
    void aScheduledAnnouncementOfACancelledWindowIsNeverSentAndThePageSaysWhy() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Peruttu");
        UUID id = Windows.create(windows, start, 4, 7, title, Windows.only(ClosableService.LENDING), Set.of());
        try {
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(formOf(confirmPage(id, List.of("PATRONS"), "SCHEDULED"))))
                    .andExpect(status().isSeeOther());
            assertThat(windows.cancel(id, "test")).isTrue();
            clock.set(Windows.at(start.minusDays(7)).plusSeconds(1));
            assertThat(announcements.enqueueDue()).isZero();
            assertThat(mailsAbout(id)).isZero();
            assertThat(page("/admin/maintenance/" + id)
                            .select("#sendings tbody tr td")
                            .get(4)
                            .text())
                    .isEqualTo("Ei lähetetä: huoltokatko peruttiin ennen lähetysaikaa");
        } finally {
            delete(id);
        }
    }

    @Test
    void aChangeAfterSendingOffersAnUpdateThatReachesEachRecipientOnce() throws Exception {
        var staff = data.account(Role.STAFF, null);
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Muutos");
        UUID id = Windows.create(windows, start, 4, 7, title, Windows.only(ClosableService.LENDING), Set.of());
        try {
            clock.set(Windows.at(start.minusDays(1)));
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(formOf(confirmPage(id, List.of("ORGANISATIONS"), "NOW"))))
                    .andExpect(status().isSeeOther());
            assertThat(page("/admin/maintenance/" + id).select("#send-button").text())
                    .isEqualTo("Lähetä tiedote");
            windows.update(
                    id, Windows.lending(start.plusHours(2), start.plusHours(6), start.minusDays(7), title), "test");
            assertThat(mailsAbout(id, "maintenance-update:%"))
                    .as("saving sends nothing")
                    .isZero();
            assertThat(page("/admin/maintenance/" + id).select("#send-button").text())
                    .isEqualTo("Lähetä päivitys");
            Document confirm = confirmPage(id, List.of("ORGANISATIONS"), "NOW");
            assertThat(confirm.select("h1").text()).isEqualTo("Vahvista päivityksen lähetys");
            long expected =
                    Long.parseLong(confirm.select("input[name=expected]").val());
            var form = formOf(confirm);
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(form))
                    .andExpect(status().isSeeOther());
            mvc.perform(post("/admin/maintenance/" + id + "/sendings")
                            .with(admin)
                            .params(form))
                    .andExpect(status().isSeeOther());
            assertThat(mailsAbout(id, "maintenance-update:" + id + ":2:%")).isEqualTo(expected);
            assertThat(jdbc.sql("SELECT subject FROM " + Outbox.MAILS
                                    + " WHERE reference_id = :id AND recipient = :r ORDER BY created_at")
                            .param("id", id)
                            .param("r", staff.getEmail())
                            .query(String.class)
                            .list())
                    .hasSize(2)
                    .last()
                    .asString()
                    .startsWith("Huoltokatkon aika muuttui");
            // Sent: the page offers an announcement again (for whom was not told), not the same update twice.
            assertThat(page("/admin/maintenance/" + id).select("#send-button").text())
                    .isEqualTo("Lähetä tiedote");
        } finally {
            delete(id);
        }
    }

    @Test
    void choosingNobodyIsAFieldErrorOnTheWindowPage() throws Exception {
        UUID id = window("Ei ketään");
        try {
            String body = mvc.perform(get("/admin/maintenance/" + id + "/send")
                            .with(admin)
                            .param("_audiences", "on")
                            .param("when", "NOW"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Document page = Jsoup.parse(body);
            assertThat(page.select("#audiences-error").text()).contains("Valitse, kenelle tiedote lähetetään.");
            assertThat(page.select(".error-summary a[href=#audiences]")).isNotEmpty();
            assertThat(mailsAbout(id)).isZero();
        } finally {
            delete(id);
        }
    }

    private UUID window(String prefix) {
        LocalDateTime start = Windows.freshMonday();
        return Windows.create(
                windows,
                start,
                4,
                7,
                Windows.title(prefix),
                Windows.only(ClosableService.LENDING),
                Set.of(ContactChannel.EMAIL, ContactChannel.PHONE));
    }

    private Document confirmPage(UUID id, List<String> audiences, String when) throws Exception {
        var request = get("/admin/maintenance/" + id + "/send").with(admin).param("when", when);
        for (String audience : audiences) {
            request = request.param("audiences", audience);
        }
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(body);
    }

    private static LinkedMultiValueMap<String, String> formOf(Document confirm) {
        var form = new LinkedMultiValueMap<String, String>();
        for (Element input : confirm.select("form[action$=/sendings] input[type=hidden]")) {
            if (!input.attr("name").equals("_csrf")) {
                form.add(input.attr("name"), input.val());
            }
        }
        return form;
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private long mailsAbout(UUID id) {
        return mailsAbout(id, "%");
    }

    private long mailsAbout(UUID id, String dedupeKey) {
        return jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS + " WHERE reference_id = :id AND dedupe_key LIKE :k")
                .param("id", id)
                .param("k", dedupeKey)
                .query(Long.class)
                .single();
    }

    private void delete(UUID id) {
        // Mails not yet sent to everyone in the shared test database are not sent at all.
        Outbox.cancel(jdbc, id);
        jdbc.sql("DELETE FROM maintenance_window WHERE id = :id")
                .param("id", id)
                .update();
    }
}
