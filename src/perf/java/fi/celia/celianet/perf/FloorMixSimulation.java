package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** {@link LibrarianMixSimulation}'s load against the floor (perf/compare.sh): only "no errors" is asserted. */
public class FloorMixSimulation extends Simulation {

    {
        setUp(Floor.warmUp()
                        .mixedDay(Duration.ofSeconds(Floor.WARM_UP_SECONDS))
                        .injectOpen(rampUsers(Floor.USERS).during(Duration.ofSeconds(5)))
                        .andThen(Floor.measured()
                                .mixedDay(Duration.ofSeconds(Floor.DURATION_SECONDS))
                                .injectOpen(rampUsers(Floor.USERS).during(Duration.ofSeconds(5)))))
                .protocols(Floor.PROTOCOL)
                .assertions(global().failedRequests().count().is(0L));
    }
}
