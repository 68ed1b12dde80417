package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** {@link RegistrationSimulation}'s load against the floor (perf/compare.sh): form, insert, page, flat out. */
public class FloorRegistrationSimulation extends Simulation {

    private static final int SECONDS = Math.min(30, Floor.DURATION_SECONDS);

    {
        setUp(Floor.warmUp()
                        .insertsOnly(Duration.ofSeconds(Floor.WARM_UP_SECONDS))
                        .injectOpen(atOnceUsers(Floor.USERS))
                        .andThen(Floor.measured()
                                .insertsOnly(Duration.ofSeconds(SECONDS))
                                .injectOpen(atOnceUsers(Floor.USERS))))
                .protocols(Floor.PROTOCOL)
                .assertions(global().failedRequests().count().is(0L));
    }
}
