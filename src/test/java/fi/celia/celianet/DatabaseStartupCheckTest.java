package fi.celia.celianet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Without a database named, Celianet stops at once with Spring Boot's failure report, not a stack trace; under the
 * demo profile the check finds one itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupCheckTest {

    @Test
    void withoutADatabaseTheStartStopsWithOneLineThatSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> CelianetApplication.application()
                        .run(
                                "--spring.datasource.url=",
                                "--spring.datasource.username=",
                                "--spring.main.banner-mode=off"))
                .isInstanceOf(DatabaseNotConfiguredException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains(DatabaseStartupCheck.MISSING_DATASOURCE)
                .contains("Set the three variables")
                .doesNotContain("at fi.celia.celianet.DatabaseStartupCheck");
    }

    @Test
    void outsideTheDemoTheGivenSettingsAreUsedAndDockerComposeStaysOff() {
        var environment = environment(
                false,
                "spring.datasource.url",
                "jdbc:postgresql://db.example:5432/celianet",
                "spring.datasource.username",
                "celianet");

        prepare(environment);

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.example:5432/celianet");
        assertThat(environment.getProperty("spring.docker.compose.enabled")).isEqualTo("false");
    }

    @Test
    void inTheDemoTheGivenSettingsWinOverEveryOtherDatabase(CapturedOutput output) throws IOException {
        try (var localhost = new RefusingServer()) {
            var environment = environment(
                    true,
                    "spring.datasource.url",
                    "jdbc:postgresql://db.example:5432/celianet",
                    "celianet.dev-database.local-port",
                    String.valueOf(localhost.port()));

            prepare(environment);

            assertThat(environment.getProperty("spring.datasource.url"))
                    .isEqualTo("jdbc:postgresql://db.example:5432/celianet");
            assertThat(environment.getProperty("spring.docker.compose.enabled")).isEqualTo("false");
            assertThat(output.getAll())
                    .contains("Database: the SPRING_DATASOURCE_* settings, jdbc:postgresql://db.example:5432/celianet")
                    .doesNotContain("SPRING_DATASOURCE_URL is not set");
        }
    }

    @Test
    void inTheDemoWhatAnswersOnTheLocalPortWinsOverDockerAndTheEmbeddedOne() throws IOException {
        // something listens there but is no PostgreSQL that lets the demo in: the demo says so rather than
        // quietly using another database
        try (var localhost = new RefusingServer()) {
            var environment = environment(
                    true,
                    "spring.datasource.url",
                    "",
                    "celianet.dev-database.local-port",
                    String.valueOf(localhost.port()),
                    "celianet.dev-database.docker",
                    "true");

            assertThatThrownBy(() -> prepare(environment))
                    .isInstanceOf(DatabaseNotConfiguredException.class)
                    .hasMessageStartingWith(
                            "Celianet demo: cannot reach PostgreSQL on localhost:" + localhost.port() + " as postgres");
        }
    }

    @Test
    void inTheDemoWithNothingElseTheEmbeddedPostgresHoldsTheDemoDatabaseAndASecondDemoSharesIt(CapturedOutput output)
            throws Exception {
        int nothingThere;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingThere = socket.getLocalPort();
        }
        String[] settings = {
            "spring.datasource.url", "",
            "celianet.dev-database.local-port", String.valueOf(nothingThere),
            "celianet.dev-database.docker", "false",
            "celianet.dev-database.embedded-directory", "target/embedded-postgres-demo-test"
        };
        var first = environment(true, settings);

        if (EmbeddedPostgresServer.refusesThisUser()) {
            assertThatThrownBy(() -> prepare(first))
                    .isInstanceOf(DatabaseNotConfiguredException.class)
                    .hasMessage(DatabaseStartupCheck.AS_ROOT.formatted(nothingThere, nothingThere));
            return;
        }
        prepare(first);

        String url = first.getProperty("spring.datasource.url");
        assertThat(url).matches("jdbc:postgresql://localhost:\\d+/celianet");
        try (var connection = DriverManager.getConnection(url, first.getProperty("spring.datasource.username"), "");
                var result = connection.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("celianet");
        }
        assertThat(output.getAll())
                .contains("Database: SPRING_DATASOURCE_URL is not set")
                .contains("Database: nothing answers on localhost:" + nothingThere)
                .contains("Database: no Docker (turned off (celianet.dev-database.docker=false))")
                .containsPattern("Database: embedded PostgreSQL 1[5-9]\\.\\d+ on port \\d+, data in .*"
                        + "embedded-postgres-demo-test/data \\(kept between runs\\), started in");

        var second = environment(true, settings);
        prepare(second);

        assertThat(second.getProperty("spring.datasource.url")).isEqualTo(url);
        assertThat(output.getAll()).contains("(kept between runs), already running for another demo");
    }

    private static ConfigurableEnvironment environment(boolean demo, String... properties) {
        var environment = new StandardEnvironment();
        if (demo) {
            environment.setActiveProfiles("demo");
        }
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test", map));
        return environment;
    }

    private static void prepare(ConfigurableEnvironment environment) {
        new DatabaseStartupCheck()
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        new DefaultBootstrapContext(),
                        new SpringApplication(CelianetApplication.class),
                        new String[0],
                        environment));
    }

    /** Listens on a free port of localhost and closes every connection at once: not a PostgreSQL. */
    private static final class RefusingServer implements AutoCloseable {
        private final ServerSocket socket;

        RefusingServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connection.getOutputStream().flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
