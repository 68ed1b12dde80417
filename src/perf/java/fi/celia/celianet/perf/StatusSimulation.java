package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.Simulation;

/** Reader apps and library websites polling /api/status: at least 2,000 requests a second, no errors. */
public class StatusSimulation extends Simulation {

    {
        var poll = scenario("reader apps").during(Duration.ofSeconds(Math.min(20, Librarians.DURATION_SECONDS))).on(
                exec(http("api status").get("/api/status").header("Accept", "application/json").check(status().is(200))));
        setUp(poll.injectOpen(atOnceUsers(Integer.getInteger("statusClients", 32))))
                .protocols(http.baseUrl(Librarians.BASE_URL).disableCaching())
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("api status").requestsPerSec().gte(2000.0));
    }
}
