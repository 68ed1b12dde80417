package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.internal.AnnouncementJob;
import fi.celia.celianet.maintenance.internal.Announcements;
import fi.celia.celianet.maintenance.internal.SendingKind;
import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.RecipientCount;
import fi.celia.celianet.notifications.internal.MailDelivery;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.Outbox;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Announcement mails, sent as an administrator confirms them, go out in real time (the clock is not moved), so
 * the outbox delivers them to GreenMail.
 * Each test removes its own window afterwards, so no other test sees it in a banner.
 */
class AnnouncementMailTest extends IntegrationTest {

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    Announcements announcements;

    @Autowired
    AnnouncementJob job;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    MailDelivery delivery;

    @Test
    void twoThousandRecipientsAreQueuedInOneStatementAndEachGetsOneMailEvenWhenTheSenderStopsHalfway()
            throws Exception {
        String prefix = TestData.unique("seed").toLowerCase();
        int seeded = jdbc.sql(
                        """
                INSERT INTO organisation (id, customer_number, name, type, email, language, active, created_at, updated_at)
                SELECT gen_random_uuid(), :p || '-' || g, 'Seed ' || g, 'OTHER', :p || '-' || g || '@example.org',
                       (ARRAY['fi', 'sv', 'en'])[1 + g % 3], true, now(), now()
                FROM generate_series(1, 2000) g""")
                .param("p", prefix)
                .update();
        assertThat(seeded).isEqualTo(2000);
        UUID id = null;
        boolean senderStopped = false;
        try {
            LocalDateTime start =
                    LocalDateTime.now(Helsinki.ZONE).plusDays(2).withSecond(0).withNano(0);
            id = Windows.create(
                    windows,
                    start,
                    8,
                    7,
                    Windows.title("Tiedote"),
                    EnumSet.of(ClosableService.REGISTRATION),
                    Set.of(ContactChannel.EMAIL));

            // Nothing goes out until an administrator sends it: here to the organisations, at once.
            assertThat(announcements.enqueueDue()).isZero();
            int counted = (int) announcements.count(Set.of(Audience.ORGANISATIONS)).stream()
                    .mapToLong(RecipientCount::count)
                    .sum();
            var result = announcements.send(
                    UUID.randomUUID(),
                    id,
                    SendingKind.ANNOUNCEMENT,
                    Set.of(Audience.ORGANISATIONS),
                    false,
                    counted,
                    "test");
            int queued = result.queued();
            assertThat(result.outcome()).isEqualTo(Announcements.Outcome.QUEUED);
            assertThat(queued).isEqualTo(counted).isGreaterThanOrEqualTo(2000);
            assertThat(jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS
                                    + " WHERE reference_id = :id AND recipient LIKE :p")
                            .param("id", id)
                            .param("p", prefix + "-%")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2000);
            // Every recipient of the announcement was written by the same transaction (one INSERT … SELECT). The
            // sender may already have taken some into the outbox; the ones still staged share one xmin.
            assertThat(jdbc.sql(
                                    """
                    SELECT count(DISTINCT r.xmin::text) FROM mailing_recipient r JOIN mailing m ON m.id = r.mailing_id
                    WHERE m.reference_id = :id""")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT dedupe_key FROM " + Outbox.MAILS
                                    + " WHERE reference_id = :id AND recipient = :r")
                            .param("id", id)
                            .param("r", prefix + "-7@example.org")
                            .query(String.class)
                            .single())
                    .isEqualTo("maintenance-announcement:" + id + ":1:" + prefix + "-7@example.org");
            assertThat(announcements
                            .send(
                                    UUID.randomUUID(),
                                    id,
                                    SendingKind.ANNOUNCEMENT,
                                    Set.of(Audience.ORGANISATIONS),
                                    false,
                                    counted,
                                    "test")
                            .queued())
                    .as("announced once per version, however often it is confirmed")
                    .isZero();

            // Halfway through, the sender stops (as at a shutdown); the queue keeps the rest, and a new sender
            // picks them up without losing or repeating anyone.
            UUID window = id;
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> sentTo(window, prefix) >= 1000);
            ScheduledTask sender = scheduledTasks.getScheduledTasks().stream()
                    .filter(task -> task.toString().contains("MailDelivery.deliverDue"))
                    .findFirst()
                    .orElseThrow();
            sender.cancel(false);
            senderStopped = true;
            // The batch in flight when it was stopped is finished: no row is left under a lease. With the only
            // sender stopped, what the outbox marks sent is what arrived, and it is short of everyone.
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> countOf(window, "SENDING") == 0);
            int sentWhenStopped = sentTo(window, prefix);
            Map<String, Integer> arrived = new HashMap<>();
            count(TestMail.server().getReceivedMessages(), prefix, arrived, new HashMap<>());
            assertThat(arrived)
                    .as("nothing is sent while the sender is stopped")
                    .hasSize(sentWhenStopped);
            assertThat(sentWhenStopped).isLessThan(2000);
            scheduler.scheduleWithFixedDelay(delivery::deliverDue, Duration.ofMillis(200));
            senderStopped = false;

            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS
                                            + " WHERE reference_id = :id AND state <> 'SENT'")
                                    .param("id", window)
                                    .query(Integer.class)
                                    .single()
                            == 0);
            Map<String, Integer> perAddress = new HashMap<>();
            Map<String, String> subjects = new HashMap<>();
            count(TestMail.server().getReceivedMessages(), prefix, perAddress, subjects);
            assertThat(perAddress.values()).allMatch(n -> n == 1);
            assertThat(perAddress).hasSize(2000);
            assertThat(subjects.get(prefix + "-1@example.org")).startsWith("Serviceavbrott");
            assertThat(subjects.get(prefix + "-2@example.org")).startsWith("Maintenance break");
            assertThat(subjects.get(prefix + "-3@example.org")).startsWith("Huoltokatko");

            var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
            String page = mvc.perform(get("/admin/maintenance/" + id).with(admin))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            int total = jdbc.sql("SELECT count(*) FROM outbound_mail WHERE reference_id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
            assertThat(page)
                    .contains("<progress id=\"mail-progress-bar\" max=\"" + total + "\" value=\"" + total + "\"")
                    .containsPattern(
                            "Jonossa 0, lähetetty \\d[\\d\\s\\u00a0\\u202f]*, epäonnistunut ja odottaa uutta yritystä 0\\.");
        } finally {
            if (senderStopped) {
                scheduler.scheduleWithFixedDelay(delivery::deliverDue, Duration.ofMillis(200));
            }
            jdbc.sql("DELETE FROM organisation WHERE customer_number LIKE :p")
                    .param("p", prefix + "-%")
                    .update();
            if (id != null) {
                jdbc.sql("DELETE FROM maintenance_window WHERE id = :id")
                        .param("id", id)
                        .update();
            }
        }
    }

    private int sentTo(UUID window, String prefix) {
        return jdbc.sql(
                        "SELECT count(*) FROM outbound_mail WHERE reference_id = :id AND state = 'SENT' AND recipient LIKE :p")
                .param("id", window)
                .param("p", prefix + "-%")
                .query(Integer.class)
                .single();
    }

    private static void count(
            MimeMessage[] messages, String prefix, Map<String, Integer> perAddress, Map<String, String> subjects)
            throws Exception {
        for (MimeMessage message : messages) {
            String to = message.getAllRecipients()[0].toString();
            if (to.startsWith(prefix + "-")) {
                perAddress.merge(to, 1, Integer::sum);
                subjects.put(to, message.getSubject());
            }
        }
    }

    /** The mails to an address about one window (the new account also got its invitation). */
    private static List<MimeMessage> about(String address, String title) {
        return TestMail.to(address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains(title);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void aRescheduleAndACancellationAreSentAsUpdatesWhenTheAdministratorSendsThem() throws Exception {
        var staff = data.account(Role.STAFF, null);
        LocalDateTime start =
                LocalDateTime.now(Helsinki.ZONE).plusDays(3).withSecond(0).withNano(0);
        String title = Windows.title("Jatko");
        UUID id = Windows.create(windows, start, 8, 7, title, EnumSet.of(ClosableService.LENDING), Set.of());
        try {
            job.run();
            assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'maintenance-announcements'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(about(staff.getEmail(), title))
                    .as("the announce time alone sends nothing")
                    .isEmpty();
            send(id, SendingKind.ANNOUNCEMENT);
            await().atMost(mailWait())
                    .until(() -> about(staff.getEmail(), title).size() == 1);
            assertThat(about(staff.getEmail(), title).get(0).getSubject())
                    .startsWith("Huoltokatko")
                    .endsWith(title);
            assertThat(TestMail.body(about(staff.getEmail(), title).get(0)))
                    .contains("lainaus lukusovelluksissa")
                    .contains("Asiakaspalvelu ei ole tavoitettavissa katkon aikana.");

            windows.update(
                    id,
                    Windows.lending(start.plusDays(1), start.plusDays(1).plusHours(8), start.minusDays(7), title),
                    "test");
            assertThat(announcements.enqueueDue()).as("saving sends nothing").isZero();
            assertThat(send(id, SendingKind.UPDATE)).isPositive();
            await().atMost(mailWait())
                    .until(() -> about(staff.getEmail(), title).size() == 2);

            assertThat(windows.cancel(id, "test")).isTrue();
            assertThat(send(id, SendingKind.UPDATE)).isPositive();
            assertThat(send(id, SendingKind.UPDATE))
                    .as("offered once per change")
                    .isZero();
            await().atMost(mailWait())
                    .until(() -> about(staff.getEmail(), title).size() == 3);
            assertThat(about(staff.getEmail(), title).stream().map(m -> {
                        try {
                            return m.getSubject();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }))
                    .anyMatch(s -> s.startsWith("Huoltokatkon aika muuttui"))
                    .anyMatch(s -> s.startsWith("Huoltokatko on peruttu"));
            assertThat(jdbc.sql("SELECT count(*) FROM " + Outbox.MAILS + " WHERE reference_id = :id AND recipient = :r")
                            .param("id", id)
                            .param("r", staff.getEmail())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(3);
        } finally {
            Outbox.cancel(jdbc, id);
            jdbc.sql("DELETE FROM maintenance_window WHERE id = :id")
                    .param("id", id)
                    .update();
        }
    }

    /** Sends to the organisations (staff among them) at once, as the confirmation page does. @return mails queued */
    private int send(UUID id, SendingKind kind) {
        return announcements
                .send(UUID.randomUUID(), id, kind, Set.of(Audience.ORGANISATIONS), false, 0, "test")
                .queued();
    }

    private int countOf(UUID window, String state) {
        return jdbc.sql("SELECT count(*) FROM outbound_mail WHERE reference_id = :id AND state = :state")
                .param("id", window)
                .param("state", state)
                .query(Integer.class)
                .single();
    }
}
