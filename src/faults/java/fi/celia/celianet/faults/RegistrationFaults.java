package fi.celia.celianet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import fi.celia.celianet.CelianetApplication;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestDatabase;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The fault suite (./mvnw -Pfaults test): registrations under cut database connections, a mail outage and
 * two instances on one database, each accounted Jepsen-style: attempted, acknowledged (303), found in the
 * database, mails delivered. Lost, unexpected and duplicates must all be 0.
 */
class RegistrationFaults extends IntegrationTest {

    private static final AtomicInteger CODES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    @Test
    void cuttingEveryDatabaseConnectionRepeatedlyLosesNothingAcknowledged() throws Exception {
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Fault Library")));
        List<Librarian> librarians = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var librarian = new Librarian(port);
            librarian.signIn(registrar.getUsername(), TestData.PASSWORD);
            librarians.add(librarian);
        }
        Accounting accounting = new Accounting();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong slowest = new AtomicLong();
        AtomicInteger cuts = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(librarians.size() + 1);
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (Librarian librarian : librarians) {
            work.add(pool.submit(() -> {
                while (loading.get()) {
                    registerOnce(librarian, accounting, slowest);
                }
            }));
        }
        work.add(pool.submit((Callable<Void>) () -> {
            Instant end = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(end)) {
                Thread.sleep(1500);
                cutEveryConnection();
                cuts.incrementAndGet();
            }
            loading.set(false);
            return null;
        }));
        for (var future : work) {
            future.get();
        }
        pool.shutdown();

        // The application recovers by itself within 30 s.
        Instant cutEnded = Instant.now();
        Librarian after = librarians.get(0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> registerOnce(after, accounting, slowest));
        System.out.printf("recovered %d ms after the last of %d cuts%n", Duration.between(cutEnded, Instant.now()).toMillis(), cuts.get());

        var report = settle(accounting, registrar);
        System.out.println("connections cut: " + report);
        assertThat(report.acknowledged()).isPositive();
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
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Integer.class).single() == 0);
    }

    @Test
    void twoInstancesShareSessionsAndMakeOnePatronOfOneSubmission() throws Exception {
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Twin Library")));
        TestDatabase database = TestDatabase.get();
        // Command-line arguments: they outrank application.yml, as an operator's settings would.
        try (var second = new SpringApplicationBuilder(CelianetApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.port(),
                "--celianet.mail.poll-interval=200ms",
                "--server.servlet.session.cookie.secure=false",
                "--logging.structured.format.console=",
                "--spring.datasource.hikari.maximum-pool-size=8")) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

            var browser = new Librarian(port);
            browser.signIn(registrar.getUsername(), TestData.PASSWORD);
            assertThat(browser.switchTo(secondPort).get("/").statusCode()).as("a session started on one instance is valid on the other").isEqualTo(200);

            browser.switchTo(port);
            Map<String, String> form = browser.openRegistrationForm();
            String hetu = nextCode();
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            var locations = ConcurrentHashMap.<String>newKeySet();
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int instancePort : new int[] {port, secondPort}) {
                var copy = new Librarian(instancePort);
                browser.cookies().getCookieStore().getCookies().forEach(c -> copy.cookies().getCookieStore()
                        .add(java.net.URI.create("http://localhost:" + instancePort + "/"), c));
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
            assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code = :c").param("c", hetu)
                    .query(Integer.class).single()).isEqualTo(1);
        }
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
            if (accounting.failures.size() == 1 && accounting.failures.values().iterator().next() == 1) {
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
        List<String> found = jdbc.sql("SELECT identity_code FROM patron WHERE registered_by = :r")
                .param("r", registrar.getId()).query(String.class).list();
        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mailedCodes().stream().filter(found::contains).distinct().count() >= found.size());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("not every found patron's mail arrived within 150 s");
        }
        List<String> mailed = mailedCodes().stream().filter(accounting.attempted::contains).toList();
        return accounting.report(found, mailed);
    }

    private static List<String> mailedCodes() {
        List<String> codes = new ArrayList<>();
        for (MimeMessage message : TestMail.server().getReceivedMessages()) {
            try {
                for (Address address : message.getAllRecipients()) {
                    String to = address.toString();
                    if (to.startsWith("fault-")) {
                        codes.add(to.substring("fault-".length(), to.indexOf('@')).toUpperCase());
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
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
