package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.celia.celianet.CelianetApplication;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.internal.Announcements;
import fi.celia.celianet.maintenance.internal.SendingKind;
import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.RecipientCount;
import fi.celia.celianet.notifications.internal.MailDelivery;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestDatabase;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
 * An announcement to 100,000 recipients (-Dfaults.recipients), confirmed for sending at once, is sent by a separate Celianet process, which
 * is killed with SIGKILL halfway, while a batch is being handed to the SMTP server; a new process resumes. Every
 * recipient gets the mail; resends are at most the batch that was in flight, and they are counted.
 */
class AnnouncementFaults extends IntegrationTest {

    private static final int RECIPIENTS = Integer.getInteger("faults.recipients", 100_000);
    private static final int BATCH = 200;

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    Announcements announcements;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    MailDelivery delivery;

    @Test
    void killingTheSenderHalfwayLosesNobodyAndResendsAtMostTheBatchInFlight() throws Exception {
        // This process's own sender stands aside: the child processes do the sending.
        ScheduledTask ownSender = scheduledTasks.getScheduledTasks().stream()
                .filter(task -> task.toString().contains("MailDelivery.deliverDue"))
                .findFirst()
                .orElseThrow();
        ownSender.cancel(false);
        String prefix = TestData.unique("kill").toLowerCase();
        UUID window = null;
        Process child = null;
        try {
            jdbc.sql(
                            """
                    INSERT INTO organisation (id, customer_number, name, type, email, language, active, created_at, updated_at)
                    SELECT gen_random_uuid(), :p || '-' || g, 'Kill ' || g, 'OTHER', :p || '-' || g || '@example.org',
                           (ARRAY['fi', 'sv', 'en'])[1 + g % 3], true, now(), now()
                    FROM generate_series(1, :n) g""")
                    .param("p", prefix)
                    .param("n", RECIPIENTS)
                    .update();
            LocalDateTime start =
                    LocalDateTime.now(Helsinki.ZONE).plusDays(3).withSecond(0).withNano(0);
            window = Windows.create(
                    windows,
                    start,
                    8,
                    7,
                    Windows.title("Siirto"),
                    EnumSet.of(ClosableService.REGISTRATION),
                    Set.of(ContactChannel.EMAIL));
            // Sent as an administrator confirms it on the window's page: to the organisations, at once.
            int counted = (int) announcements.count(Set.of(Audience.ORGANISATIONS)).stream()
                    .mapToLong(RecipientCount::count)
                    .sum();
            assertThat(announcements
                            .send(
                                    UUID.randomUUID(),
                                    window,
                                    SendingKind.ANNOUNCEMENT,
                                    Set.of(Audience.ORGANISATIONS),
                                    false,
                                    counted,
                                    "faults")
                            .queued())
                    .isEqualTo(counted)
                    .isGreaterThanOrEqualTo(RECIPIENTS);
            UUID id = window;

            child = startSender(1);
            // Killed while a batch is out: claimed and being handed to the SMTP server, its outcome not recorded.
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> sent(id) >= RECIPIENTS / 2 && inFlight(id) > 0);
            child.destroyForcibly().waitFor();
            int sentAtKill = sent(id);
            int inFlight = inFlight(id);
            System.out.printf(
                    "killed (SIGKILL) with %d of %d recorded as sent and %d in flight%n",
                    sentAtKill, RECIPIENTS, inFlight);

            child = startSender(2);
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() ->
                            jdbc.sql("SELECT count(*) FROM outbound_mail WHERE reference_id = :id AND state <> 'SENT'")
                                            .param("id", id)
                                            .query(Integer.class)
                                            .single()
                                    == 0);
            child.destroy();
            child.waitFor();
            child = null;

            Map<String, Integer> perAddress = new HashMap<>();
            for (MimeMessage message : TestMail.server().getReceivedMessages()) {
                for (Address address : message.getAllRecipients()) {
                    if (address.toString().startsWith(prefix + "-")) {
                        perAddress.merge(address.toString(), 1, Integer::sum);
                    }
                }
            }
            int duplicates = perAddress.values().stream().mapToInt(n -> n - 1).sum();
            int resendsRecorded = jdbc.sql(
                            "SELECT coalesce(sum(lease_expiries), 0) FROM outbound_mail WHERE reference_id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
            System.out.printf(
                    "announcement after kill -9: recipients=%d delivered=%d lost=%d duplicates=%d resends recorded=%d%n",
                    RECIPIENTS, perAddress.size(), RECIPIENTS - perAddress.size(), duplicates, resendsRecorded);
            assertThat(perAddress).as("every recipient got the mail").hasSize(RECIPIENTS);
            assertThat(duplicates).as("resent at most the batch in flight").isLessThanOrEqualTo(BATCH);
            assertThat(resendsRecorded)
                    .as("resends are counted")
                    .isGreaterThanOrEqualTo(duplicates)
                    .isLessThanOrEqualTo(BATCH);
        } finally {
            if (child != null) {
                child.destroyForcibly().waitFor();
            }
            scheduler.scheduleWithFixedDelay(delivery::deliverDue, Duration.ofMillis(200));
            if (window != null) {
                jdbc.sql("DELETE FROM maintenance_window WHERE id = :id")
                        .param("id", window)
                        .update();
            }
            // Later tests' announcements go to every organisation contact: these 100,000 are this test's alone.
            jdbc.sql("DELETE FROM organisation WHERE customer_number LIKE :p")
                    .param("p", prefix + "-%")
                    .update();
        }
    }

    private int inFlight(UUID window) {
        return jdbc.sql("SELECT count(*) FROM outbound_mail WHERE reference_id = :id AND state = 'SENDING'")
                .param("id", window)
                .query(Integer.class)
                .single();
    }

    private int sent(UUID window) {
        return jdbc.sql("SELECT count(*) FROM outbound_mail WHERE reference_id = :id AND state = 'SENT'")
                .param("id", window)
                .query(Integer.class)
                .single();
    }

    /** Celianet in a process of its own, on this test's database and mail server, with the test classpath. */
    private static Process startSender(int n) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                CelianetApplication.class.getName(),
                "--server.port=0"));
        command.addAll(TestDatabase.get().applicationArguments());
        command.addAll(TestMail.applicationArguments());
        command.addAll(List.of(
                "--celianet.mail.poll-interval=100ms",
                "--celianet.mail.batch-size=" + BATCH,
                "--celianet.maintenance.announce-cron=-",
                "--logging.structured.format.console="));
        File log = Path.of("target", "faults-sender-" + n + ".log").toFile();
        Files.createDirectories(log.toPath().getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }
}
