package fi.celia.celianet;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs before the application context starts. Outside the demo profile a database must be named
 * explicitly; under the demo profile the local {@code celianet} database is created when it is missing. A
 * refusal stops the start with {@link DatabaseNotConfiguredException}, which Spring Boot reports through
 * {@link DatabaseNotConfiguredFailureAnalyzer} in a few lines, without a stack trace.
 */
final class DatabaseStartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String MISSING_DATASOURCE =
            "Celianet needs a database: set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD"
                    + " (or run ./mvnw spring-boot:run for the demo profile).";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        String url = environment.getProperty("spring.datasource.url");
        if (!demo) {
            if (isBlank(url) || isBlank(environment.getProperty("spring.datasource.username"))) {
                throw new DatabaseNotConfiguredException(
                        MISSING_DATASOURCE,
                        "Set the three variables, or run"
                                + " ./mvnw spring-boot:run for the demo on the local celianet database.");
            }
            return;
        }
        if (url != null && url.startsWith("jdbc:postgresql://localhost:5432/celianet")) {
            createDemoDatabaseIfMissing(environment);
        }
    }

    private static void createDemoDatabaseIfMissing(ConfigurableEnvironment environment) {
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", user, password);
                var check = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = 'celianet'")) {
            if (!check.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE celianet");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseNotConfiguredException(
                    "Celianet demo: cannot reach PostgreSQL on localhost:5432 as " + user + " (" + e.getMessage()
                            + ").",
                    "Start PostgreSQL on localhost:5432, or set SPRING_DATASOURCE_URL.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
