package fi.celia.celianet.support;

import fi.celia.celianet.DatabaseSourceChoice;
import fi.celia.celianet.DatabaseSourceChoice.Probes;
import fi.celia.celianet.DatabaseSourceChoice.Source;
import fi.celia.celianet.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;

/**
 * Where the tests' database comes from, decided once per test run ({@link DatabaseSourceChoice}, first present wins):
 * <ol>
 * <li>{@code SPRING_DATASOURCE_URL} (with {@code _USERNAME}, {@code _PASSWORD}) when set;</li>
 * <li>otherwise a PostgreSQL on localhost:5432 ({@code CELIANET_TEST_PG_PORT}), in a throwaway database created now
 * and dropped when the run ends;</li>
 * <li>otherwise Testcontainers ({@code postgres:17}) when a Docker engine answers;</li>
 * <li>otherwise the embedded PostgreSQL, its data in a temporary directory deleted when the run ends;</li>
 * <li>otherwise (root without a user namespace, where PostgreSQL refuses to run) the run stops at once with one
 * line that says how to provide a database.</li>
 * </ol>
 */
public final class TestDatabase {

    public enum Mode {
        EXTERNAL,
        LOCAL,
        CONTAINER,
        EMBEDDED
    }

    static final int LOCAL_PORT = Integer.parseInt(envOr("CELIANET_TEST_PG_PORT", "5432"));
    static final String LOCAL_SERVER_URL = "jdbc:postgresql://localhost:" + LOCAL_PORT + "/";
    static final String LOCAL_ADMIN_URL = LOCAL_SERVER_URL + "postgres";

    private static final TestDatabase INSTANCE = said(decide());

    private final Mode mode;
    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(Mode mode, String url, String username, String password) {
        this.mode = mode;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static TestDatabase get() {
        return INSTANCE;
    }

    public Mode mode() {
        return mode;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Command-line arguments that put another Celianet (an instance or a process) on this database. */
    public List<String> applicationArguments() {
        return List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password);
    }

    private static TestDatabase decide() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        String user = envOr("CELIANET_TEST_PG_USER", "postgres");
        String password = envOr("CELIANET_TEST_PG_PASSWORD", "postgres");
        String[] localhostSaid = {""};
        Source source = DatabaseSourceChoice.choose(new Probes(
                () -> url != null && !url.isBlank(),
                () -> {
                    localhostSaid[0] = localhostRefusal(user, password);
                    return localhostSaid[0] == null;
                },
                TestDatabase::dockerAvailable,
                EmbeddedPostgresServer::available,
                EmbeddedPostgresServer::refusesThisUser));
        return switch (source) {
            case SETTINGS ->
                new TestDatabase(
                        Mode.EXTERNAL,
                        url,
                        envOr("SPRING_DATASOURCE_USERNAME", "postgres"),
                        envOr("SPRING_DATASOURCE_PASSWORD", ""));
            case LOCALHOST -> {
                String name = createThrowawayDatabase(LOCAL_SERVER_URL, user, password);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name, user, password)));
                yield new TestDatabase(Mode.LOCAL, LOCAL_SERVER_URL + name, user, password);
            }
            case DOCKER -> new TestDatabase(Mode.CONTAINER, null, null, null);
            case EMBEDDED -> embedded();
            case NONE_AS_ROOT ->
                throw new IllegalStateException(
                        "The tests found no PostgreSQL (localhost:%d said: %s; no Docker engine answers), and the embedded PostgreSQL refuses to run as root: run ./mvnw verify as an ordinary user, or start PostgreSQL 15 or newer on localhost:%d, or set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD."
                                .formatted(LOCAL_PORT, localhostSaid[0], LOCAL_PORT));
            case NONE ->
                throw new IllegalStateException(
                        "The tests found no PostgreSQL (localhost:%d said: %s; no Docker engine answers; no embedded PostgreSQL on the class path): install PostgreSQL 15 or newer on localhost:%d or Docker, or set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD."
                                .formatted(LOCAL_PORT, localhostSaid[0], LOCAL_PORT));
        };
    }

    /** Says in one line where the tests' database is. */
    private static TestDatabase said(TestDatabase database) {
        System.out.println(
                switch (database.mode) {
                    case EXTERNAL -> "Test database: SPRING_DATASOURCE_URL, " + database.url;
                    case LOCAL ->
                        "Test database: PostgreSQL on localhost:" + LOCAL_PORT + ", " + database.url
                                + ", dropped after the run";
                    case CONTAINER -> "Test database: Testcontainers (postgres:17), Docker answers";
                    case EMBEDDED ->
                        "Test database: embedded PostgreSQL, " + database.url + ", thrown away after the run";
                });
        return database;
    }

    /** Null when the local PostgreSQL lets the tests' user in; otherwise what it said. */
    private static String localhostRefusal(String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection admin = DriverManager.getConnection(LOCAL_ADMIN_URL, user, password)) {
            return admin.isValid(3) ? null : "no answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** The embedded PostgreSQL for this run only: stopped, and its data deleted, when the run ends. */
    private static TestDatabase embedded() {
        try {
            EmbeddedPostgresServer server =
                    EmbeddedPostgresServer.startThrowaway(Path.of("target", "embedded-postgres-tests.log"));
            String name = createThrowawayDatabase(server.serverUrl(), EmbeddedPostgresServer.USER, "");
            return new TestDatabase(Mode.EMBEDDED, server.jdbcUrl(name), EmbeddedPostgresServer.USER, "");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "The tests found no PostgreSQL, and the embedded PostgreSQL did not start: " + e.getMessage()
                            + " (its log: target/embedded-postgres-tests.log)",
                    e);
        }
    }

    private static String createThrowawayDatabase(String serverUrl, String user, String password) {
        String name = "celianet_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
                var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create the test database on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    private static void drop(String name, String user, String password) {
        try (Connection admin = DriverManager.getConnection(LOCAL_ADMIN_URL, user, password);
                var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
