package fi.celia.celianet;

import fi.celia.celianet.DatabaseSourceChoice.Probes;
import fi.celia.celianet.DatabaseSourceChoice.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs before the application context starts. Outside the demo profile a database must be named explicitly
 * ({@code java -jar} in production). Under the demo profile ({@code ./mvnw spring-boot:run}) the first of these
 * wins ({@link DatabaseSourceChoice}), each step said in one log line: the {@code SPRING_DATASOURCE_*} settings; a
 * PostgreSQL on localhost:5432, where the {@code celianet} database is created when missing; Spring Boot's Docker
 * Compose support, starting the {@code postgres} service of {@code docker-compose.yml}, when a Docker engine
 * answers; the embedded PostgreSQL, its data kept under {@code target/embedded-postgres}. A refusal stops the start
 * with {@link DatabaseNotConfiguredException}, which Spring Boot reports through
 * {@link DatabaseNotConfiguredFailureAnalyzer} in a few lines, without a stack trace.
 */
final class DatabaseStartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupCheck.class);

    static final String MISSING_DATASOURCE =
            "Celianet needs a database: set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD"
                    + " (or run ./mvnw spring-boot:run for the demo profile).";

    static final String AS_ROOT =
            "Celianet demo: no database: the embedded PostgreSQL refuses to run as root (PostgreSQL's initdb cannot be"
                    + " run as root), and nothing answers on localhost:%d nor Docker; run ./mvnw spring-boot:run as an"
                    + " ordinary user, or start PostgreSQL 15 or newer on localhost:%d, or set SPRING_DATASOURCE_URL,"
                    + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.";

    static final String NOTHING =
            "Celianet demo: no database: SPRING_DATASOURCE_URL is not set, nothing answers on localhost:%d, no Docker"
                    + " (%s), and this build has no embedded PostgreSQL (only ./mvnw spring-boot:run has it);"
                    + " install PostgreSQL 15 or newer on localhost:%d (user postgres, password postgres) or Docker, or"
                    + " set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.";

    /** The settings this check adds, ahead of every other source. */
    static final String PROPERTY_SOURCE = "celianetDatabase";

    static final String DEMO_DATABASE = "celianet";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        Map<String, Object> settings = new HashMap<>();
        // Spring Boot's Docker Compose support (on the class path under spring-boot:run only) runs only when chosen.
        settings.put("spring.docker.compose.enabled", "false");
        if (!demo) {
            if (isBlank(environment.getProperty("spring.datasource.url"))
                    || isBlank(environment.getProperty("spring.datasource.username"))) {
                throw new DatabaseNotConfiguredException(
                        MISSING_DATASOURCE,
                        "Set the three variables, or run"
                                + " ./mvnw spring-boot:run for the demo on a local or embedded PostgreSQL.");
            }
        } else {
            chooseDemoDatabase(environment, settings);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, settings));
    }

    private static void chooseDemoDatabase(ConfigurableEnvironment environment, Map<String, Object> settings) {
        int localPort = environment.getProperty("celianet.dev-database.local-port", Integer.class, 5432);
        boolean dockerAllowed = environment.getProperty("celianet.dev-database.docker", Boolean.class, true);
        Path composeFile = Path.of(environment.getProperty("celianet.dev-database.compose-file", "docker-compose.yml"))
                .toAbsolutePath();
        DockerEngine docker = new DockerEngine();
        Source source = DatabaseSourceChoice.choose(new Probes(
                () -> !isBlank(environment.getProperty("spring.datasource.url")),
                () -> EmbeddedPostgresServer.answers(localPort),
                () -> dockerAllowed && Files.isRegularFile(composeFile) && docker.answers(),
                EmbeddedPostgresServer::available,
                EmbeddedPostgresServer::refusesThisUser));

        if (source == Source.SETTINGS) {
            log.info(
                    "Database: the SPRING_DATASOURCE_* settings, {}",
                    withoutQuery(environment.getProperty("spring.datasource.url")));
            return;
        }
        log.info("Database: SPRING_DATASOURCE_URL is not set");
        if (source == Source.LOCALHOST) {
            useLocalhost(environment, localPort, settings);
            return;
        }
        log.info("Database: nothing answers on localhost:{}", localPort);
        if (source == Source.DOCKER) {
            settings.put("spring.docker.compose.enabled", "true");
            settings.put("spring.docker.compose.file", composeFile.toString());
            log.info(
                    "Database: {} answers: Spring Boot's Docker Compose support starts the postgres service of {}",
                    docker.reason(),
                    composeFile);
            return;
        }
        String noDocker = !dockerAllowed
                ? "turned off (celianet.dev-database.docker=false)"
                : !Files.isRegularFile(composeFile) ? "no " + composeFile : docker.reason();
        log.info("Database: no Docker ({})", noDocker);
        switch (source) {
            case EMBEDDED -> useEmbedded(environment, settings, localPort);
            case NONE_AS_ROOT -> throw asRoot(localPort);
            default ->
                throw new DatabaseNotConfiguredException(
                        NOTHING.formatted(localPort, noDocker, localPort),
                        "Install PostgreSQL 15 or newer or Docker, or run ./mvnw spring-boot:run from the project.");
        }
    }

    private static void useLocalhost(ConfigurableEnvironment environment, int port, Map<String, Object> settings) {
        String user = environment.getProperty("celianet.dev-database.local-username", "postgres");
        String password = environment.getProperty("celianet.dev-database.local-password", "postgres");
        String server = "jdbc:postgresql://localhost:" + port + "/";
        boolean created;
        try {
            created = createDatabaseIfMissing(server, user, password);
        } catch (SQLException e) {
            throw new DatabaseNotConfiguredException(
                    "Celianet demo: cannot reach PostgreSQL on localhost:" + port + " as " + user + " ("
                            + e.getMessage() + ").",
                    "Let user " + user + " in with password " + password + ", or stop that PostgreSQL, or set"
                            + " SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
        }
        settings.put("spring.datasource.url", server + DEMO_DATABASE);
        settings.put("spring.datasource.username", user);
        settings.put("spring.datasource.password", password);
        log.info(
                "Database: PostgreSQL answers on localhost:{}: database {} there, as {}{}",
                port,
                DEMO_DATABASE,
                user,
                created ? " (created now)" : "");
    }

    private static void useEmbedded(ConfigurableEnvironment environment, Map<String, Object> settings, int localPort) {
        Path directory = Path.of(
                        environment.getProperty("celianet.dev-database.embedded-directory", "target/embedded-postgres"))
                .toAbsolutePath();
        EmbeddedPostgresServer server;
        String version;
        try {
            server = EmbeddedPostgresServer.startKept(directory);
            version = createDatabaseAndReadVersion(server);
        } catch (IOException | SQLException | RuntimeException e) {
            if (EmbeddedPostgresServer.runningAsRoot()) {
                throw asRoot(localPort);
            }
            throw new DatabaseNotConfiguredException(
                    "Celianet demo: the embedded PostgreSQL did not start (" + e.getMessage() + "); its log is "
                            + directory.resolve("postgresql.log") + ".",
                    "Start PostgreSQL 15 or newer on localhost:" + localPort + ", or set SPRING_DATASOURCE_URL,"
                            + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
        }
        if (!server.alreadyRunning()) {
            // after the application has closed its connections
            SpringApplication.getShutdownHandlers().add(() -> stop(server));
        }
        settings.put("spring.datasource.url", server.jdbcUrl(DEMO_DATABASE));
        settings.put("spring.datasource.username", EmbeddedPostgresServer.USER);
        settings.put("spring.datasource.password", "");
        log.info(
                "Database: embedded PostgreSQL {} on port {}, data in {} (kept between runs){}",
                version,
                server.port(),
                directory.resolve("data"),
                server.alreadyRunning()
                        ? ", already running for another demo"
                        : String.format(
                                Locale.ROOT,
                                ", started in %.1f s",
                                server.startup().toMillis() / 1000.0));
    }

    private static String createDatabaseAndReadVersion(EmbeddedPostgresServer server) throws SQLException {
        createDatabaseIfMissing(server.serverUrl(), EmbeddedPostgresServer.USER, "");
        try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
                var version = connection.createStatement().executeQuery("SHOW server_version")) {
            return version.next() ? version.getString(1) : "";
        }
    }

    private static DatabaseNotConfiguredException asRoot(int localPort) {
        return new DatabaseNotConfiguredException(
                AS_ROOT.formatted(localPort, localPort), "Run it as an ordinary user, not as root.");
    }

    /** Creates the demo's database on the server at {@code serverUrl} (ending in a slash); true when it was missing. */
    private static boolean createDatabaseIfMissing(String serverUrl, String user, String password) throws SQLException {
        DriverManager.setLoginTimeout(5);
        try (var connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
                var check = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            check.setString(1, DEMO_DATABASE);
            if (check.executeQuery().next()) {
                return false;
            }
            try (var create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DEMO_DATABASE);
            }
            return true;
        }
    }

    private static void stop(EmbeddedPostgresServer server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Database: the embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
