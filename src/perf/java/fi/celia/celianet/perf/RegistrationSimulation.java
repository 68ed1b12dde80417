package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import java.time.Duration;

import io.gatling.javaapi.core.Simulation;

/** Twenty librarians registering patrons as fast as they can: p95 at most 150 ms, at least 100 a second. */
public class RegistrationSimulation extends Simulation {

    private final Librarians librarians = new Librarians();

    {
        setUp(librarians.registrationsOnly(Duration.ofSeconds(Math.min(30, Librarians.DURATION_SECONDS)))
                .injectOpen(atOnceUsers(Librarians.LIBRARIANS)))
                .protocols(Librarians.PROTOCOL)
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("registration").responseTime().percentile(95.0).lte(150),
                        details("registration").requestsPerSec().gte(100.0));
    }
}
