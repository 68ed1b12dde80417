package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.sealing.DataKeys;
import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.sealing.SealBrokenException;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What the simulations are made of: librarians who sign in (CSRF included), search by identity code, patron
 * number and name, open patron pages, register patrons with fresh valid codes and open their home page.
 * <p>
 * Needs a running Celianet (-Dbase.url, default http://localhost:8080) on a database filled by
 * perf/generate.sh (-Djdbc.url, default jdbc:postgresql://localhost:5432/celianet_perf), and the data keys the
 * generator sealed its identity codes under, which open the sample patrons' codes: -Ddata.keys, else
 * CELIANET_DATA_KEYS, else the generator's perf/.data-keys.
 */
final class Librarians {

    static final String BASE_URL = System.getProperty("base.url", "http://localhost:8080");
    static final String JDBC_URL = System.getProperty("jdbc.url", "jdbc:postgresql://localhost:5432/celianet_perf");
    static final int DURATION_SECONDS = Integer.getInteger("duration", 60);
    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("fi")
            .disableFollowRedirect()
            .disableCaching();
    static final int LIBRARIANS = 20;
    static final String PASSWORD = "celianet-perf";
    /** Seconds of the same load before the measured run, so that the figures are those of a warm server. */
    static final int WARM_UP_SECONDS = Integer.getInteger("warmup", 30);

    /** Opens the generated identity codes and makes the blind index of a code, as Celianet does. */
    static final DataSealing SEALING = DataSealing.with(DataKeys.parse(dataKeys()));

    private static final List<String[]> patrons = samplePatrons();
    private static final Map<String, List<String[]>> patronsByLibrary =
            patrons.stream().collect(Collectors.groupingBy(p -> p[4]));
    /**
     * The simulated librarians: those of the first libraries (by number) that hold sample patrons, so that each has
     * patrons of its own to open (the big library's patrons come from some libraries' share).
     */
    private static final List<String> librarians = patronsByLibrary.keySet().stream()
            .sorted(Comparator.comparingInt(Integer::parseInt))
            .limit(LIBRARIANS)
            .map(library -> "perf-librarian-" + library)
            .toList();

    private static final AtomicInteger registrationSequence =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(5_000_000));
    /** Codes that earlier load runs against this database registered already. */
    private static final Set<String> codesInUse = loadRegisteredCodes();

    /** Put before every request name and scenario name: "" for the measured run, "warm-up " for the warm-up. */
    private final String prefix;

    Librarians(String prefix) {
        this.prefix = prefix;
    }

    /** The warm-up that runs before a measured run; its requests carry other names, so no assertion counts them. */
    static Librarians warmUp() {
        return new Librarians("warm-up ");
    }

    static Librarians measured() {
        return new Librarians("");
    }

    private ChainBuilder signIn() {
        return exec(
                http(prefix + "sign-in page")
                        .get("/login")
                        .check(hiddenField("_csrf").saveAs("csrf")),
                http(prefix + "sign in")
                        .post("/login")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302)),
                http(prefix + "home")
                        .get("/")
                        .check(status().is(200))
                        .check(hiddenField("_csrf").saveAs("csrf")));
    }

    private ChainBuilder searchByCode() {
        return exec(session -> session.set("q", randomPatron()[1]))
                .exec(search("search by identity code", Exact.FOUND));
    }

    private ChainBuilder searchByNumber() {
        return exec(session -> {
                    String[] patron = randomPatron();
                    return session.set("q", patron[2]).set("found", patron[2]);
                })
                .exec(search("search by patron number", Exact.LISTED));
    }

    private ChainBuilder searchByName() {
        return exec(session -> session.set("q", randomPatron()[3])).exec(search("search by name", Exact.NO));
    }

    /** What an exact search's result must show. */
    private enum Exact {
        /** Nothing: a search by name. */
        NO,
        /** The patron looked for, listed by patron number. */
        LISTED,
        /** The patron looked for: listed, or (a patron of another library found by identity code) named as there. */
        FOUND
    }

    /**
     * A search as the browser makes it (Post/Redirect/Get): the POST searches, keeps the result and answers 303 to
     * it; the GET shows it.
     */
    private ChainBuilder search(String name, Exact exact) {
        var results = http(prefix + name + ", results").get("#{results}").check(status().is(200));
        return exec(http(prefix + name)
                        .post("/patrons/search")
                        .formParam("q", "#{q}")
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(303))
                        .check(header("Location").saveAs("results")))
                .exec(
                        switch (exact) {
                            case NO -> results;
                            case LISTED -> results.check(substring("#{found}"));
                            case FOUND ->
                                results.check(substring("id=\"no-results\"").notExists());
                        });
    }

    private ChainBuilder patronPage() {
        return exec(session -> session.set("patronId", randomOwnPatron(session.getString("username"))))
                .exec(http(prefix + "patron page").get("/patrons/#{patronId}").check(status().is(200)));
    }

    private ChainBuilder register() {
        return exec(http(prefix + "registration form")
                        .get("/patrons/new")
                        .check(hiddenField("submissionToken").saveAs("token")))
                .exec(session -> session.set("hetu", freshCode()))
                .exec(http(prefix + "registration")
                        .post("/patrons")
                        .formParam("_csrf", "#{csrf}")
                        .formParam("submissionToken", "#{token}")
                        .formParam("hetu", "#{hetu}")
                        .formParam("firstName", "Kuormitus")
                        .formParam("lastName", "Testaaja #{token}")
                        .formParam("email", "load-#{token}@perf.invalid")
                        .formParam("phone", "0401234567")
                        .formParam("streetAddress", "Testikatu 1")
                        .formParam("postalCode", "00100")
                        .formParam("city", "Helsinki")
                        .formParam("language", "fi")
                        .formParam("channel", "PHONE")
                        .formParam("eligibility", "VISUAL")
                        .formParam("consent", "true")
                        .formParam("services", "ONLINE")
                        .formParam("credentialsTo", "PATRON")
                        .check(status().is(303))
                        .check(header("Location").saveAs("registered")))
                // As a browser would: the page that says the patron was saved (and takes the message from the session).
                .exec(http(prefix + "registered patron page")
                        .get("#{registered}")
                        .check(status().is(200)));
    }

    private ChainBuilder home() {
        return exec(http(prefix + "home page").get("/").check(status().is(200)));
    }

    /** A hidden form field's value, found with a pattern: the load generator shares the server's two cores. */
    private static CheckBuilder.CaptureGroupCheckBuilder hiddenField(String name) {
        return regex("name=\"" + name + "\" value=\"([^\"]+)\"");
    }

    /** The mixed day of a librarian, repeated for the given time. */
    ScenarioBuilder mixedDay(Duration duration) {
        return scenario(prefix + "librarians")
                .exec(session -> session.set("username", librarians.get((int) (session.userId() % librarians.size()))))
                .exec(signIn())
                .during(duration)
                .on(exec(
                        searchByCode(),
                        think(),
                        searchByNumber(),
                        think(),
                        searchByName(),
                        think(),
                        patronPage(),
                        think(),
                        patronPage(),
                        think(),
                        register(),
                        think(),
                        home(),
                        think()));
    }

    /** A librarian reads the page before the next step: half a second to a second and a half. */
    private static ChainBuilder think() {
        return CoreDsl.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    /**
     * Registration after registration, for the throughput target. Everyone signs in first and the registering
     * starts together, so the measured seconds hold registrations only, not twenty password hashes.
     */
    ScenarioBuilder registrationsOnly(Duration duration) {
        return scenario(prefix + "registrations")
                .exec(session -> session.set("username", librarians.get((int) (session.userId() % librarians.size()))))
                .exec(signIn())
                .rendezVous(LIBRARIANS)
                .during(duration)
                .on(exec(register()));
    }

    /**
     * Vacuums the tables every request writes (sessions, the mail outbox, event publications). A server with
     * autovacuum on does this by itself as the run goes; on one with it off, as a test machine may be, the
     * dead rows of earlier runs would otherwise slow every session lookup of this one.
     */
    static void vacuumBusyTables() {
        try (var connection = database();
                var statement = connection.createStatement()) {
            var autovacuum = statement.executeQuery("SHOW autovacuum");
            autovacuum.next();
            System.out.println(
                    "autovacuum is " + autovacuum.getString(1) + "; vacuuming the busy tables before the run");
            statement.execute("VACUUM (ANALYZE) spring_session, spring_session_attributes, outbound_mail, "
                    + "patron_submission, audit_event");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A connection to the load test's database (-Djdbc.url, -Djdbc.user, -Djdbc.password). */
    static Connection database() throws SQLException {
        return DriverManager.getConnection(
                JDBC_URL, System.getProperty("jdbc.user", "postgres"), System.getProperty("jdbc.password", "postgres"));
    }

    void printDatabaseTimes() {
        DatabaseTimes.print(patrons.get(0));
    }

    private static String[] randomPatron() {
        return patrons.get(ThreadLocalRandom.current().nextInt(patrons.size()));
    }

    /** A patron of the librarian's own library (the generator gives library n to perf-librarian-n). */
    private static String randomOwnPatron(String username) {
        List<String[]> own = patronsByLibrary.getOrDefault(username.substring("perf-librarian-".length()), List.of());
        return (own.isEmpty()
                        ? randomPatron()
                        : own.get(ThreadLocalRandom.current().nextInt(own.size())))
                [0];
    }

    /**
     * Valid codes that the generator never makes (born 1960–1999, individual numbers 500–899), from a random
     * starting point, skipping those that earlier runs against the same database registered.
     */
    private static String freshCode() {
        while (true) {
            int n = registrationSequence.incrementAndGet();
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 14_600);
            int individual = 500 + (n / 14_600) % 400;
            String code = PersonalIdentityCode.of(birth, '-', individual);
            if (!codesInUse.contains(code)) {
                return code;
            }
        }
    }

    private static Set<String> loadRegisteredCodes() {
        Set<String> codes = new HashSet<>();
        try (var connection = database();
                var statement = connection.createStatement()) {
            var rs = statement.executeQuery(
                    """
                    SELECT id, identity_code_sealed, identity_code_key FROM patron
                    WHERE last_name LIKE 'Testaaja %' AND identity_code_sealed IS NOT NULL""");
            while (rs.next()) {
                codes.add(openCode(rs, 1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fill the database first with perf/generate.sh: " + e.getMessage(), e);
        }
        return codes;
    }

    private static List<String[]> samplePatrons() {
        List<String[]> rows = new ArrayList<>();
        try (var connection = database();
                var statement = connection.createStatement()) {
            var rs = statement.executeQuery(
                    """
                    SELECT p.id, p.identity_code_sealed, p.identity_code_key, p.patron_number,
                           p.last_name || ' ' || p.first_name AS name,
                           substr(o.name, length('Perf Library ') + 1) AS library
                    FROM patron p JOIN organisation o ON o.id = p.organisation_id
                    WHERE o.name LIKE 'Perf Library %' AND p.identity_code_sealed IS NOT NULL
                    ORDER BY p.patron_number LIMIT 20000""");
            while (rs.next()) {
                rows.add(new String[] {
                    rs.getString(1), openCode(rs, 1), rs.getString(4), rs.getString(5), rs.getString(6)
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fill the database first with perf/generate.sh: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("No generated patrons: run perf/generate.sh first");
        }
        return rows;
    }

    /** The identity code sealed in the columns id, sealed, key from column {@code at} on. */
    private static String openCode(ResultSet rs, int at) throws SQLException {
        UUID id = rs.getObject(at, UUID.class);
        try {
            return SEALING.open(new DataSealing.Sealed(rs.getString(at + 2), rs.getBytes(at + 1)), id);
        } catch (SealBrokenException e) {
            throw new IllegalStateException(
                    "The data keys do not open patron " + id
                            + "'s identity code: give the load test the keys perf/generate.sh sealed with (-Ddata.keys,"
                            + " CELIANET_DATA_KEYS or perf/.data-keys)",
                    e);
        }
    }

    /** -Ddata.keys, else CELIANET_DATA_KEYS, else the keys perf/generate.sh made in perf/.data-keys. */
    private static String dataKeys() {
        String keys = System.getProperty("data.keys", System.getenv("CELIANET_DATA_KEYS"));
        if (keys != null && !keys.isBlank()) {
            return keys;
        }
        Path file = Path.of("perf", ".data-keys");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No data keys: give the load test the keys perf/generate.sh sealed the identity codes with"
                            + " (-Ddata.keys, CELIANET_DATA_KEYS or " + file + ")",
                    e);
        }
    }
}
