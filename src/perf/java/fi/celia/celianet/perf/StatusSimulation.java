package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** Reader apps and library websites polling /api/status: at least 2,000 requests a second, no errors. */
public class StatusSimulation extends Simulation {

    {
        int clients = Integer.getInteger("statusClients", 32);
        int seconds = Math.min(20, Librarians.DURATION_SECONDS);
        // The rate is asserted as a count over the measured seconds: Gatling's rate divides by the whole run.
        setUp(poll("warm-up ", Math.min(10, Librarians.WARM_UP_SECONDS))
                        .injectOpen(atOnceUsers(clients))
                        .andThen(poll("", seconds).injectOpen(atOnceUsers(clients))))
                .protocols(http.baseUrl(Librarians.BASE_URL).disableCaching())
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("api status").successfulRequests().count().gte(2000L * seconds));
    }

    private static ScenarioBuilder poll(String prefix, int seconds) {
        return scenario(prefix + "reader apps")
                .during(Duration.ofSeconds(seconds))
                .on(exec(http(prefix + "api status")
                        .get("/api/status")
                        .header("Accept", "application/json")
                        .check(status().is(200))));
    }

    @Override
    public void before() {
        Librarians.vacuumBusyTables();
    }
}
