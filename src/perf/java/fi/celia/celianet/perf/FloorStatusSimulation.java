package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;

/** {@link StatusSimulation}'s pollers against the floor's JSON answer (perf/compare.sh). */
public class FloorStatusSimulation extends Simulation {

    {
        int clients = Integer.getInteger("statusClients", 32);
        int seconds = Math.min(20, Floor.DURATION_SECONDS);
        setUp(Floor.poll("warm-up ", Math.min(10, Floor.WARM_UP_SECONDS))
                        .injectOpen(atOnceUsers(clients))
                        .andThen(Floor.poll("", seconds).injectOpen(atOnceUsers(clients))))
                .protocols(http.baseUrl(Floor.BASE_URL).disableCaching())
                .assertions(global().failedRequests().count().is(0L));
    }
}
