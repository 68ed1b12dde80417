package fi.celia.celianet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.celia.celianet.bookclubs.BookClubs;
import fi.celia.celianet.bookclubs.ClubDetails;
import fi.celia.celianet.bookclubs.ClubFormat;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.calendar.WorkingDays;
import fi.celia.celianet.institutions.BusinessId;
import fi.celia.celianet.institutions.InstitutionApplications;
import fi.celia.celianet.institutions.NewApplication;
import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.maintenance.WindowDetails;
import fi.celia.celianet.maintenance.internal.Announcements;
import fi.celia.celianet.maintenance.internal.SendingKind;
import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.RecipientCount;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestDatabase;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestSealing;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fault suite (./mvnw -Pfaults test): registrations under cut database connections, a mail outage and
 * two instances on one database (shared sessions, one patron per submission, each scheduled job's work done once),
 * each accounted Jepsen-style: attempted, acknowledged, found in the database, mails delivered. Lost, unexpected
 * and duplicates must all be 0.
 */
class RegistrationFaults extends IntegrationTest {

    @Autowired
    WorkingDays workingDays;

    @Autowired
    InstitutionApplications applications;

    @Autowired
    BookClubs clubs;

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    Announcements announcements;

    private static final String FREEZE = "bookclubs-freeze";
    private static final String DIGEST = "institutions-overdue-digest";
    private static final String ANNOUNCE = "maintenance-announcements";
    private static final AtomicInteger CODES =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    @Test
    void cuttingEveryDatabaseConnectionRepeatedlyLosesNothingAcknowledged() throws Exception {
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Fault Library")));
        var load = new RegistrationLoad(registrar);
        int cuts = 0;
        Instant end = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(end)) {
            Thread.sleep(1500);
            cutEveryConnection();
            cuts++;
        }
        load.stop();

        // The application recovers by itself within 30 s.
        Instant cutEnded = Instant.now();
        Librarian after = load.librarians.get(0);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> registerOnce(after, load.accounting, load.slowest));
        System.out.printf(
                "recovered %d ms after the last of %d cuts%n",
                Duration.between(cutEnded, Instant.now()).toMillis(), cuts);

        var report = settle(load.accounting, registrar);
        System.out.println("connections cut: " + report);
        assertThat(report.acknowledged()).isPositive();
        assertNothingLost(report, load.slowest);
    }

    /**
     * The manual step: the database server itself restarted during registrations. Runs only when given the
     * command, since it restarts every database of the server:
     * {@code ./mvnw -Pfaults test -Dtest='RegistrationFaults#aDatabaseRestart*' -Dfaults.restart='pg_ctlcluster --skip-systemctl-redirect 15 main restart'}
     */
    @Test
    @EnabledIfSystemProperty(named = "faults.restart", matches = ".+")
    void aDatabaseRestartDuringRegistrationsLosesNothingAcknowledged() throws Exception {
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Restart Library")));
        var load = new RegistrationLoad(registrar);
        Thread.sleep(3000);
        Instant restartStarted = Instant.now();
        var restart = new ProcessBuilder("sh", "-c", System.getProperty("faults.restart"))
                .inheritIO()
                .start();
        assertThat(restart.waitFor()).as("the restart command succeeds").isZero();
        Instant databaseBack = Instant.now();
        // Registrations go on through the restart; the first acknowledged one after it shows recovery.
        int acknowledgedBefore = load.accounting.acknowledged.size();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> load.accounting.acknowledged.size() > acknowledgedBefore);
        Instant recovered = Instant.now();
        Thread.sleep(3000);
        load.stop();

        var report = settle(load.accounting, registrar);
        System.out.printf(
                "database restart: took %d ms; registrations acknowledged again %d ms after it; slowest request %d ms%n",
                Duration.between(restartStarted, databaseBack).toMillis(),
                Duration.between(databaseBack, recovered).toMillis(),
                load.slowest.get());
        System.out.println("database restart: " + report);
        assertThat(Duration.between(databaseBack, recovered)).isLessThan(Duration.ofSeconds(30));
        assertNothingLost(report, load.slowest);
    }

    /** Four librarians of one registrar account registering patrons, one after another, until stopped. */
    private final class RegistrationLoad {

        final List<Librarian> librarians = new ArrayList<>();
        final Accounting accounting = new Accounting();
        final AtomicLong slowest = new AtomicLong();
        private final AtomicBoolean loading = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final List<Future<?>> work = new ArrayList<>();

        RegistrationLoad(StaffAccount registrar) throws Exception {
            for (int i = 0; i < 4; i++) {
                var librarian = new Librarian(port);
                librarian.signIn(registrar.getUsername(), TestData.PASSWORD);
                librarians.add(librarian);
            }
            for (Librarian librarian : librarians) {
                work.add(pool.submit(() -> {
                    while (loading.get()) {
                        registerOnce(librarian, accounting, slowest);
                    }
                }));
            }
        }

        void stop() throws Exception {
            loading.set(false);
            for (var future : work) {
                future.get();
            }
            pool.shutdown();
        }
    }

    private static void assertNothingLost(Accounting.Report report, AtomicLong slowest) {
        assertThat(report.lost()).isZero();
        assertThat(report.unexpected()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.duplicateMails()).isZero();
        assertThat(report.mailed()).isEqualTo(report.found());
        assertThat(Duration.ofMillis(slowest.get())).as("no request hangs").isLessThan(Librarian.REQUEST_TIMEOUT);
    }

    @Test
    void aMailOutageDuringOneHundredRegistrationsTurnsNoSuccessIntoAnError() throws Exception {
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Outage Library")));
        var librarian = new Librarian(port);
        librarian.signIn(registrar.getUsername(), TestData.PASSWORD);
        Accounting accounting = new Accounting();
        AtomicLong slowest = new AtomicLong();
        TestMail.stop();
        try {
            for (int i = 0; i < 100; i++) {
                registerOnce(librarian, accounting, slowest);
            }
            assertThat(accounting.acknowledged).hasSize(100);
            Thread.sleep(1000);
        } finally {
            TestMail.restart();
        }
        var report = settle(accounting, registrar);
        System.out.println("mail outage: " + report);
        assertThat(report.found()).isEqualTo(100);
        assertThat(report.mailed()).isEqualTo(100);
        assertThat(report.duplicateMails()).isZero();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM outbound_mail WHERE state <> 'SENT' AND split_part(dedupe_key, ':', 1) = 'patron-credentials'")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void twoInstancesShareSessionsAndMakeOnePatronOfOneSubmission() throws Exception {
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Twin Library")));
        try (var second = CelianetInstance.start("second", Duration.ZERO)) {
            int secondPort = second.port();

            var browser = new Librarian(port);
            browser.signIn(registrar.getUsername(), TestData.PASSWORD);
            assertThat(browser.switchTo(secondPort).get("/").statusCode())
                    .as("a session started on one instance is valid on the other")
                    .isEqualTo(200);

            browser.switchTo(port);
            Map<String, String> form = browser.openRegistrationForm();
            String hetu = nextCode();
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            var locations = ConcurrentHashMap.<String>newKeySet();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int instancePort : new int[] {port, secondPort}) {
                var copy = new Librarian(instancePort);
                browser.cookies().getCookieStore().getCookies().forEach(c -> copy.cookies()
                        .getCookieStore()
                        .add(URI.create("http://localhost:" + instancePort + "/"), c));
                answers.add(pool.submit(() -> {
                    start.await();
                    var response = copy.register(form, hetu, "twin-" + hetu.toLowerCase() + "@example.fi");
                    response.headers().firstValue("Location").ifPresent(locations::add);
                    return response.statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(303);
            }
            pool.shutdown();
            assertThat(locations).as("both copies lead to the same patron page").hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                            .param("c", TestSealing.index(hetu))
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void twoInstancesRunEachScheduledJobOnce() throws Exception {
        // Both instances stand on the next working day at 09:00 and run on from there: the digest goes out on
        // working days only, and this process's own jobs, on today's date, never take the work made for that day.
        LocalDate workday = workingDays.plus(Helsinki.dateOf(Instant.now()), 1);
        Duration ahead = Duration.between(Instant.now(), Helsinki.instantOf(workday.atTime(9, 0)));

        // The digest's work: two applications nobody has touched for three weeks, and service staff to tell. A
        // digest is the mail that lists both (each applicant's acknowledgement names one).
        clock.set(Helsinki.instantOf(workday.minusWeeks(3).atTime(10, 0)));
        List<String> references = List.of(submitApplication(), submitApplication());
        clock.reset();
        data.account(Role.STAFF, null);
        data.account(Role.STAFF, null);
        data.account(Role.ADMIN, null);

        // Production's work: patrons registered through the form, all in one club; shipments come in waves below.
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Job Library")));
        var librarian = new Librarian(port);
        librarian.signIn(registrar.getUsername(), TestData.PASSWORD);
        for (int i = 0; i < 12; i++) {
            registerOnce(librarian, new Accounting(), new AtomicLong());
        }
        List<UUID> members = jdbc.sql("SELECT id FROM patron WHERE registered_by = :r")
                .param("r", registrar.getId())
                .query(UUID.class)
                .list();
        assertThat(members).hasSize(12);
        String clubName = TestData.unique("Vuorokerho");
        UUID club = clubs.create(
                        new ClubDetails(clubName, clubName, clubName, "", "", "", ClubFormat.CD, 35, 1), "test")
                .id();
        LocalDate firstDelivery = workday.plusDays(35);
        for (UUID patron : members) {
            jdbc.sql(
                            """
                    INSERT INTO club_subscription (id, patron_id, club_id, starts_on, created_at, created_by, updated_at)
                    VALUES (gen_random_uuid(), :patron, :club, :starts, now(), 'test', now())""")
                    .param("patron", patron)
                    .param("club", club)
                    .param("starts", firstDelivery)
                    .update();
        }
        UUID notDue = shipment(club, firstDelivery.plusMonths(6), workday.plusDays(1));

        List<UUID> shipments = new ArrayList<>();
        Map<UUID, String> windowTitles = new LinkedHashMap<>();
        String digestKeys = "institution-overdue-digest:" + workday + ":%";
        Instant workdayStarts = Helsinki.startOfDay(workday);
        String[] jobsOften = {
            "--celianet.bookclubs.freeze-interval=1s",
            "--celianet.bookclubs.freeze-initial-delay=1s",
            "--celianet.institutions.digest-cron=*/2 * * * * *",
            "--celianet.maintenance.announce-cron=*/2 * * * * *"
        };
        try (var a = CelianetInstance.start("a", ahead, jobsOften);
                var b = CelianetInstance.start("b", ahead, jobsOften)) {
            // Work arrives in three waves while each instance fires the freeze every second and the other two
            // jobs every two seconds.
            for (int wave = 0; wave < 3; wave++) {
                shipments.add(shipment(club, firstDelivery.plusWeeks(wave), workday));
                String title = TestData.unique("Yövuoro");
                Instant start = Helsinki.instantOf(workday.plusDays(3 + wave).atTime(22, 0));
                // Announced from a moment still ahead for this process (so confirming schedules the sending rather
                // than queuing it) and already past for the two instances, whose clocks stand on the working day.
                Instant announceFrom = Instant.now().plus(ahead.dividedBy(2));
                UUID windowId = windows.create(
                        new WindowDetails(
                                start,
                                start.plus(Duration.ofHours(2)),
                                announceFrom,
                                title,
                                title + " (sv)",
                                title + " (en)",
                                "Viesti " + title,
                                "",
                                "Message " + title,
                                EnumSet.of(ClosableService.LENDING),
                                EnumSet.of(ContactChannel.EMAIL)),
                        "test");
                int counted = (int) announcements.count(EnumSet.allOf(Audience.class)).stream()
                        .mapToLong(RecipientCount::count)
                        .sum();
                assertThat(announcements
                                .send(
                                        UUID.randomUUID(),
                                        windowId,
                                        SendingKind.ANNOUNCEMENT,
                                        EnumSet.allOf(Audience.class),
                                        true,
                                        counted,
                                        "faults")
                                .outcome())
                        .isEqualTo(Announcements.Outcome.SCHEDULED);
                windowTitles.put(windowId, title);
                Thread.sleep(6000);
            }
            UUID[] windowIds = windowTitles.keySet().toArray(UUID[]::new);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> jdbc.sql(
                                                    "SELECT count(*) FROM club_shipment WHERE id = ANY(:ids) AND frozen_at IS NOT NULL")
                                            .param("ids", shipments.toArray(UUID[]::new))
                                            .query(Integer.class)
                                            .single()
                                    == shipments.size()
                            && jdbc.sql(
                                                    "SELECT count(*) FROM announcement_sending WHERE window_id = ANY(:ids) AND queued_at IS NOT NULL")
                                            .param("ids", windowIds)
                                            .query(Integer.class)
                                            .single()
                                    == windowIds.length
                            && digestRuns(workdayStarts) > 0);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> jdbc.sql(
                                            """
                    SELECT count(*) FROM outbound_mail WHERE (reference_id = ANY(:ids) OR dedupe_key LIKE :digest)
                    AND state <> 'SENT'""")
                                    .param("ids", windowIds)
                                    .param("digest", digestKeys)
                                    .query(Integer.class)
                                    .single()
                            == 0);
            Map<UUID, Object> frozenAt = frozenAt(club);
            // The jobs go on firing on both instances: anything done twice would show up now.
            Thread.sleep(12_000);

            // Production freeze: one key per member of a frozen list.
            Set<String> dueMembers = new HashSet<>();
            shipments.forEach(shipment -> members.forEach(patron -> dueMembers.add(shipment + "/" + patron)));
            List<String> frozenMembers = jdbc.sql(
                            """
                    SELECT m.shipment_id || '/' || m.patron_id FROM shipment_member m JOIN club_shipment s ON s.id = m.shipment_id
                    WHERE s.club_id = :club""")
                    .param("club", club)
                    .query(String.class)
                    .list();
            int recordedMembers = jdbc.sql(
                            "SELECT coalesce(sum(member_count), 0) FROM club_shipment WHERE club_id = :club AND frozen_at IS NOT NULL")
                    .param("club", club)
                    .query(Integer.class)
                    .single();
            var freeze = JobEffects.of(dueMembers, recordedMembers, frozenMembers, List.of(), false);
            long refrozen = frozenAt(club).entrySet().stream()
                    .filter(e -> !e.getValue().equals(frozenAt.get(e.getKey())))
                    .count();
            System.out.printf(
                    "two instances, production freeze: %s refrozen=%d | %s%n", freeze, refrozen, locks(FREEZE, a, b));

            // Overdue digest: one key per recipient.
            Set<String> staff = new HashSet<>(
                    jdbc.sql("SELECT lower(email) FROM staff_account WHERE active AND role IN ('STAFF', 'ADMIN')")
                            .query(String.class)
                            .list());
            var queuedDigests = jdbc.sql(
                            "SELECT lower(recipient), state FROM outbound_mail WHERE dedupe_key LIKE :digest")
                    .param("digest", digestKeys)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list();
            List<String> deliveredDigests = new ArrayList<>();
            List<Map.Entry<String, String>> announcementsDelivered = new ArrayList<>();
            for (MimeMessage message : TestMail.server().getReceivedMessages()) {
                String subject = message.getSubject();
                var window =
                        windowTitles.values().stream().filter(subject::contains).findFirst();
                for (Address address : message.getAllRecipients()) {
                    String to = address.toString().toLowerCase();
                    if (window.isPresent()) {
                        announcementsDelivered.add(Map.entry(window.get(), to));
                    } else if (references.stream().allMatch(TestMail.body(message)::contains)) {
                        deliveredDigests.add(to);
                    }
                }
            }
            var digest = JobEffects.of(
                    staff,
                    (int) queuedDigests.stream()
                            .filter(e -> e.getValue().equals("SENT"))
                            .count(),
                    queuedDigests.stream().map(Map.Entry::getKey).toList(),
                    deliveredDigests,
                    true);
            int digestRuns = digestRuns(workdayStarts);
            System.out.printf(
                    "two instances, overdue digest: %s runs=%d | %s%n", digest, digestRuns, locks(DIGEST, a, b));

            // Announcements: one key per window and recipient.
            // Patrons are reached where their credentials go: a guardian's or contact person's address when it
            // is theirs, the patron's own otherwise.
            Set<String> recipients = new HashSet<>(jdbc.sql(
                            """
                    SELECT DISTINCT lower(btrim(email)) FROM (
                        SELECT email FROM staff_account WHERE active
                        UNION ALL SELECT email FROM organisation WHERE active
                        UNION ALL SELECT CASE
                            WHEN credentials_to = 'GUARDIAN' AND guardian_name IS NOT NULL
                                 AND btrim(coalesce(guardian_email, '')) <> '' THEN guardian_email
                            WHEN credentials_to = 'CONTACT' AND contact_name IS NOT NULL
                                 AND btrim(coalesce(contact_email, '')) <> '' THEN contact_email
                            ELSE email END
                        FROM patron WHERE status = 'ACTIVE') everyone
                    WHERE email IS NOT NULL AND btrim(email) <> ''""")
                    .query(String.class)
                    .list());
            Set<String> dueAnnouncements = new HashSet<>();
            windowTitles.values().forEach(title -> recipients.forEach(to -> dueAnnouncements.add(title + "/" + to)));
            var queuedAnnouncements = jdbc.sql(
                            """
                    SELECT reference_id, lower(btrim(recipient)), state FROM outbound_mail WHERE reference_id = ANY(:ids)""")
                    .param("ids", windowIds)
                    .query((rs, n) -> Map.entry(
                            windowTitles.get(rs.getObject(1, UUID.class)) + "/" + rs.getString(2), rs.getString(3)))
                    .list();
            // Acknowledged: what the scheduled sendings recorded as queued when the job counted again.
            var announcement = JobEffects.of(
                    dueAnnouncements,
                    jdbc.sql(
                                    "SELECT coalesce(sum(queued_count), 0)::int FROM announcement_sending WHERE window_id = ANY(:ids)")
                            .param("ids", windowIds)
                            .query(Integer.class)
                            .single(),
                    queuedAnnouncements.stream().map(Map.Entry::getKey).toList(),
                    announcementsDelivered.stream()
                            .map(e -> e.getKey() + "/" + e.getValue())
                            .toList(),
                    true);
            System.out.printf(
                    "two instances, announcements (%d windows, %d recipients each): %s | %s%n",
                    windowTitles.size(), recipients.size(), announcement, locks(ANNOUNCE, a, b));

            assertThat(freeze.attempted()).isEqualTo(36);
            assertThat(freeze.found()).isEqualTo(36);
            assertThat(freeze.acknowledged()).isEqualTo(36);
            assertThat(freeze.lost()).isZero();
            assertThat(freeze.unexpected())
                    .as("members on a list whose production has not started")
                    .isZero();
            assertThat(freeze.duplicates()).isZero();
            assertThat(refrozen).isZero();
            assertThat(jdbc.sql("SELECT frozen_at IS NULL FROM club_shipment WHERE id = :id")
                            .param("id", notDue)
                            .query(Boolean.class)
                            .single())
                    .as("a shipment whose production has not started stays open")
                    .isTrue();

            assertThat(digestRuns)
                    .as("the digest ran once on the two instances")
                    .isEqualTo(1);
            assertThat(a.runs(DIGEST) + b.runs(DIGEST)).isEqualTo(1);
            assertThat(digest.attempted()).isGreaterThanOrEqualTo(3);
            assertThat(digest.lost()).isZero();
            assertThat(digest.unexpected()).isZero();
            assertThat(digest.duplicates()).isZero();
            assertThat(digest.duplicateMails()).isZero();

            assertThat(announcement.attempted()).isEqualTo(3 * recipients.size());
            assertThat(announcement.acknowledged()).isEqualTo(announcement.attempted());
            assertThat(announcement.lost()).isZero();
            assertThat(announcement.unexpected()).isZero();
            assertThat(announcement.duplicates()).isZero();
            assertThat(announcement.duplicateMails()).isZero();

            for (String lock : List.of(FREEZE, DIGEST, ANNOUNCE)) {
                assertThat(a.firings(lock)).as("instance a fires " + lock).isPositive();
                assertThat(b.firings(lock)).as("instance b fires " + lock).isPositive();
            }
        } finally {
            for (UUID window : windowTitles.keySet()) {
                jdbc.sql("DELETE FROM maintenance_window WHERE id = :id")
                        .param("id", window)
                        .update();
            }
        }
    }

    private String submitApplication() {
        String email = TestData.unique("hakija").toLowerCase() + "@example.fi";
        String tracking = applications.submit(new NewApplication(
                UUID.randomUUID().toString(),
                TestData.unique("Unohtunut koulu"),
                OrganisationType.SCHOOL,
                businessId(),
                null,
                "Kaisa Kontakti",
                email,
                "+358 40 123 4567",
                new PostalAddress("Koulukatu 1", "00100", "Helsinki"),
                "",
                "fi",
                null,
                List.of(new Registrar("Maija Main", "rekisteroija-" + email))));
        return jdbc.sql("SELECT reference FROM institution_application WHERE tracking_token = :t")
                .param("t", tracking)
                .query(String.class)
                .single();
    }

    private static String businessId() {
        while (true) {
            try {
                return BusinessId.withCheckDigit(
                        "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000)));
            } catch (IllegalArgumentException remainderOne) {
                // another
            }
        }
    }

    private UUID shipment(UUID club, LocalDate delivery, LocalDate productionStarts) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                INSERT INTO club_shipment (id, club_id, delivery_date, production_starts_on, created_at, updated_at)
                VALUES (:id, :club, :delivery, :starts, now(), now())""")
                .param("id", id)
                .param("club", club)
                .param("delivery", delivery)
                .param("starts", productionStarts)
                .update();
        return id;
    }

    private Map<UUID, Object> frozenAt(UUID club) {
        Map<UUID, Object> frozen = new HashMap<>();
        jdbc.sql("SELECT id, frozen_at FROM club_shipment WHERE club_id = :club AND frozen_at IS NOT NULL")
                .param("club", club)
                .query(rs -> {
                    frozen.put(rs.getObject(1, UUID.class), rs.getObject(2));
                });
        return frozen;
    }

    /** Runs of the digest on the instances' day, from the audit trail (each run leaves one entry, mail or not). */
    private int digestRuns(Instant workdayStarts) {
        return jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE action = 'INSTITUTION_OVERDUE_DIGEST' AND occurred_at >= :day")
                .param("day", Timestamp.from(workdayStarts))
                .query(Integer.class)
                .single();
    }

    private static String locks(String lock, CelianetInstance... instances) {
        return Arrays.stream(instances)
                .map(i -> "%s fired %d, ran %d".formatted(i.name(), i.firings(lock), i.runs(lock)))
                .collect(Collectors.joining("; ", lock + ": ", ""));
    }

    /** @return true when the registration was acknowledged with 303 */
    private boolean registerOnce(Librarian librarian, Accounting accounting, AtomicLong slowest) {
        String hetu = nextCode();
        long started = System.nanoTime();
        try {
            Map<String, String> form = librarian.openRegistrationForm();
            accounting.attempted.add(hetu);
            var response = librarian.register(form, hetu, mailOf(hetu));
            if (response.statusCode() == 303) {
                accounting.acknowledged.add(hetu);
                return true;
            }
            accounting.failed(response.statusCode());
            if (accounting.failures.size() == 1
                    && accounting.failures.values().iterator().next() == 1) {
                System.out.println("first refused registration answered " + response.statusCode());
            }
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("Whitelabel");
            return false;
        } catch (IllegalStateException e) {
            accounting.failed(-1);
            return false;
        } finally {
            slowest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
        }
    }

    private Accounting.Report settle(Accounting accounting, StaffAccount registrar) {
        List<String> found = jdbc
                .sql("SELECT id FROM patron WHERE registered_by = :r")
                .param("r", registrar.getId())
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> TestSealing.identityCode(jdbc, id))
                .toList();
        try {
            await().atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> mailedCodes().stream()
                                    .filter(found::contains)
                                    .distinct()
                                    .count()
                            >= found.size());
        } catch (ConditionTimeoutException e) {
            System.out.println("not every found patron's mail arrived within 150 s");
        }
        List<String> mailed =
                mailedCodes().stream().filter(accounting.attempted::contains).toList();
        return accounting.report(found, mailed);
    }

    private static List<String> mailedCodes() {
        List<String> codes = new ArrayList<>();
        for (MimeMessage message : TestMail.server().getReceivedMessages()) {
            try {
                for (Address address : message.getAllRecipients()) {
                    String to = address.toString();
                    if (to.startsWith("fault-")) {
                        codes.add(
                                to.substring("fault-".length(), to.indexOf('@')).toUpperCase());
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return codes;
    }

    private static String mailOf(String hetu) {
        return "fault-" + hetu.toLowerCase() + "@example.fi";
    }

    /** Fresh valid codes of adults (no guardian needed): born 1950–1990, a different individual number each round. */
    private static String nextCode() {
        int k = CODES.incrementAndGet();
        return PersonalIdentityCode.of(LocalDate.of(1950, 1, 1).plusDays(k % 14000), '-', 2 + (k / 14000) % 890);
    }

    /** pg_terminate_backend on every other connection to the application's database. */
    private static void cutEveryConnection() throws Exception {
        TestDatabase database = TestDatabase.get();
        try (var connection = DriverManager.getConnection(database.url(), database.username(), database.password());
                var statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }
}
