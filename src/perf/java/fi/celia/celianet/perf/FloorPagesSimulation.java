package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link PagesSimulation}'s load against the floor (perf/compare.sh): as many signed-in users as it runs for the pages
 * of perf/pages.tsv, at the same pace, each opening the floor's one-row page (GET /rows/{id}) where a Celianet user
 * opens its next page; every Celianet page's p95 is read against this page's. Only "no errors" is asserted. Needs
 * nothing but the running floor (-Dfloor.url) and the page list, which only sets the number of users.
 */
public class FloorPagesSimulation extends Simulation {

    /** The rows the floor's migration makes: ids 1 to this. */
    private static final int ROWS = 100_000;

    private static final int FLOOR_USERS = 20;

    {
        int users = Pages.users(Pages.read());
        setUp(rowPages("warm-up ", Floor.WARM_UP_SECONDS)
                        .injectOpen(rampUsers(users).during(Duration.ofSeconds(5)))
                        .andThen(rowPages("", Floor.DURATION_SECONDS)
                                .injectOpen(rampUsers(users).during(Duration.ofSeconds(5)))))
                .protocols(Floor.PROTOCOL)
                .assertions(global().failedRequests().count().is(0L));
    }

    private static ScenarioBuilder rowPages(String prefix, int seconds) {
        return scenario(prefix + "floor page users")
                .exec(session -> session.set("username", "floor-user-" + (1 + session.userId() % FLOOR_USERS)))
                .exec(PagesSimulation.signIn(prefix))
                .during(Duration.ofSeconds(seconds))
                .on(exec(session -> session.set(
                                "rowId", 1 + ThreadLocalRandom.current().nextInt(ROWS)))
                        .exec(http(prefix + "row page")
                                .get("/rows/#{rowId}")
                                .check(status().is(200))
                                .check(substring("id=\"row-id\">#{rowId}<")))
                        .exec(think()));
    }

    /** As {@link PagesSimulation}'s users pause. */
    private static ChainBuilder think() {
        return CoreDsl.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
    }
}
