package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Twenty librarians registering patrons as fast as they can, after a warm-up of the same: p95 at most 150 ms,
 * at least 100 a second.
 */
public class RegistrationSimulation extends Simulation {

    private static final int SECONDS = Math.min(30, Librarians.DURATION_SECONDS);

    {
        // Gatling's requests per second divide by the whole run, warm-up included, so the rate is asserted as
        // a count over the measured seconds.
        setUp(Librarians.warmUp()
                        .registrationsOnly(Duration.ofSeconds(Librarians.WARM_UP_SECONDS))
                        .injectOpen(atOnceUsers(Librarians.LIBRARIANS))
                        .andThen(Librarians.measured()
                                .registrationsOnly(Duration.ofSeconds(SECONDS))
                                .injectOpen(atOnceUsers(Librarians.LIBRARIANS))))
                .protocols(Librarians.PROTOCOL)
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("registration").responseTime().percentile(95.0).lte(150),
                        details("registration").successfulRequests().count().gte(100L * SECONDS));
    }

    @Override
    public void before() {
        Librarians.vacuumBusyTables();
    }
}
