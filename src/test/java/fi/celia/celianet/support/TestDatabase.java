package fi.celia.celianet.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;

/**
 * Where the tests' database comes from, decided once per test run:
 * <ol>
 * <li>{@code SPRING_DATASOURCE_URL} (with {@code _USERNAME}, {@code _PASSWORD}) when set;</li>
 * <li>otherwise a PostgreSQL on localhost:5432, in a throwaway database created now and dropped when the run ends;</li>
 * <li>otherwise Testcontainers ({@code postgres:17}) when a Docker engine answers;</li>
 * <li>otherwise the run stops at once with a message that says how to provide a database.</li>
 * </ol>
 */
public final class TestDatabase {

    public enum Mode {
        EXTERNAL,
        LOCAL,
        CONTAINER
    }

    static final String LOCAL_ADMIN_URL = "jdbc:postgresql://localhost:5432/postgres";

    private static final TestDatabase INSTANCE = decide();

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
        if (url != null && !url.isBlank()) {
            return new TestDatabase(
                    Mode.EXTERNAL,
                    url,
                    envOr("SPRING_DATASOURCE_USERNAME", "postgres"),
                    envOr("SPRING_DATASOURCE_PASSWORD", ""));
        }
        String user = envOr("CELIANET_TEST_PG_USER", "postgres");
        String password = envOr("CELIANET_TEST_PG_PASSWORD", "postgres");
        DriverManager.setLoginTimeout(3);
        try (Connection admin = DriverManager.getConnection(LOCAL_ADMIN_URL, user, password)) {
            String name = "celianet_test_"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 12)
                            .toLowerCase(Locale.ROOT);
            try (var statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name, user, password)));
            return new TestDatabase(Mode.LOCAL, "jdbc:postgresql://localhost:5432/" + name, user, password);
        } catch (SQLException noLocalDatabase) {
            if (dockerAvailable()) {
                return new TestDatabase(Mode.CONTAINER, null, null, null);
            }
            throw new IllegalStateException(
                    """
                    The tests need PostgreSQL 15 or newer, and none was found. Provide one of:
                      - SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD;
                      - a PostgreSQL on localhost:5432 that user 'postgres' can create databases in
                        (password from CELIANET_TEST_PG_PASSWORD, or trust authentication);
                      - a running Docker engine, for Testcontainers (postgres:17).
                    (localhost:5432 said: %s)"""
                            .formatted(noLocalDatabase.getMessage()));
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
