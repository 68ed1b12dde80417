package fi.celia.celianet;

import java.util.function.BooleanSupplier;

/**
 * Which PostgreSQL {@code ./mvnw spring-boot:run} (the demo profile) and the tests use, first present wins:
 * <ol>
 * <li>{@link Source#SETTINGS}: the {@code SPRING_DATASOURCE_*} settings, when given;</li>
 * <li>{@link Source#LOCALHOST}: a PostgreSQL answering on localhost:5432;</li>
 * <li>{@link Source#DOCKER}: a Docker engine that answers (Spring Boot's Docker Compose support for the demo,
 * Testcontainers for the tests);</li>
 * <li>{@link Source#EMBEDDED}: the embedded PostgreSQL, when its classes are there and it can run as this user;
 * PostgreSQL refuses to run as root, so then the answer is {@link Source#NONE_AS_ROOT};</li>
 * <li>{@link Source#NONE}: nothing, and the start stops with one line that says what to install.</li>
 * </ol>
 * Pure: the machine is asked through {@link Probes}, each question only when every source before it is absent,
 * so a probe that costs something (a connection, a {@code docker} process) runs only when it matters.
 */
public final class DatabaseSourceChoice {

    /** Where the database comes from. */
    public enum Source {
        SETTINGS,
        LOCALHOST,
        DOCKER,
        EMBEDDED,
        NONE_AS_ROOT,
        NONE
    }

    /**
     * The questions, in the order they are asked.
     *
     * @param settingsGiven       the {@code SPRING_DATASOURCE_*} settings name a database
     * @param localhostAnswers    a PostgreSQL answers on localhost (port 5432 unless configured)
     * @param dockerAnswers       a Docker engine answers (and, for the demo, Docker Compose is there)
     * @param embeddedAvailable   the embedded PostgreSQL is on the class path (never in the production jar)
     * @param embeddedRefusesUser the embedded PostgreSQL cannot run as this user: root, without a user namespace
     *                            to run it in
     */
    public record Probes(
            BooleanSupplier settingsGiven,
            BooleanSupplier localhostAnswers,
            BooleanSupplier dockerAnswers,
            BooleanSupplier embeddedAvailable,
            BooleanSupplier embeddedRefusesUser) {}

    private DatabaseSourceChoice() {}

    public static Source choose(Probes probes) {
        if (probes.settingsGiven().getAsBoolean()) {
            return Source.SETTINGS;
        }
        if (probes.localhostAnswers().getAsBoolean()) {
            return Source.LOCALHOST;
        }
        if (probes.dockerAnswers().getAsBoolean()) {
            return Source.DOCKER;
        }
        if (!probes.embeddedAvailable().getAsBoolean()) {
            return Source.NONE;
        }
        return probes.embeddedRefusesUser().getAsBoolean() ? Source.NONE_AS_ROOT : Source.EMBEDDED;
    }
}
