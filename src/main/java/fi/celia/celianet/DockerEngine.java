package fi.celia.celianet;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Docker engine answers, with Docker Compose, for Spring Boot's Docker Compose support: the
 * {@code docker} command on the path, {@code docker info} answering within a few seconds, and
 * {@code docker compose version} (or {@code docker-compose version}). Says why not in {@link #reason()}.
 */
final class DockerEngine {

    private static final long TIMEOUT_SECONDS = 5;

    private String reason = "";

    boolean answers() {
        if (!onPath("docker")) {
            reason = "no docker command";
            return false;
        }
        Result info = run("docker", "info", "--format", "{{.ServerVersion}}");
        if (!info.ok()) {
            reason = "docker info: " + info.output();
            return false;
        }
        if (!run("docker", "compose", "version").ok()
                && !(onPath("docker-compose")
                        && run("docker-compose", "version").ok())) {
            reason = "Docker " + info.output() + " answers, but without Docker Compose";
            return false;
        }
        reason = "Docker " + info.output();
        return true;
    }

    /** What {@link #answers()} found: the engine's version, or why there is none. */
    String reason() {
        return reason;
    }

    private static boolean onPath(String command) {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator, -1)) {
            if (!directory.isEmpty()
                    && (new File(directory, command).canExecute()
                            || (windows && new File(directory, command + ".exe").canExecute()))) {
                return true;
            }
        }
        return false;
    }

    private record Result(boolean ok, String output) {}

    private static Result run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(false, "no answer within " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .replaceAll("\\s+", " ");
            return new Result(process.exitValue() == 0, output.length() > 200 ? output.substring(0, 200) : output);
        } catch (IOException e) {
            return new Result(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}
