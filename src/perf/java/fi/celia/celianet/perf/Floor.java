package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulations' shapes against the load test's floor (src/perf/floor, started by perf/compare.sh): the same
 * users, sign-in, pauses and durations as {@link Librarians}, with each Celianet request replaced by the floor's
 * counterpart. Needs nothing but the running floor (-Dfloor.url, default http://localhost:8081); -Dduration and
 * -Dwarmup as for Celianet.
 */
final class Floor {

    static final String BASE_URL = System.getProperty("floor.url", "http://localhost:8081");
    static final int DURATION_SECONDS = Integer.getInteger("duration", 60);
    static final int WARM_UP_SECONDS = Integer.getInteger("warmup", 30);
    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("fi")
            .disableFollowRedirect()
            .disableCaching();
    static final int USERS = 20;
    /** The rows the floor's migration makes: ids 1 to this. */
    private static final int ROWS = 100_000;

    private final String prefix;

    private Floor(String prefix) {
        this.prefix = prefix;
    }

    static Floor warmUp() {
        return new Floor("warm-up ");
    }

    static Floor measured() {
        return new Floor("");
    }

    private ChainBuilder signIn() {
        return exec(
                http(prefix + "sign-in page").get("/login").check(hiddenField("_csrf")),
                http(prefix + "sign in")
                        .post("/login")
                        .formParam("username", "#{username}")
                        .formParam("password", "celianet-perf")
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302)),
                http(prefix + "home").get("/").check(status().is(200)).check(hiddenField("_csrf")));
    }

    /** A page that reads one row by its key: the counterpart of a patron page and a search's results. */
    private ChainBuilder rowPage() {
        return exec(session ->
                        session.set("rowId", 1 + ThreadLocalRandom.current().nextInt(ROWS)))
                .exec(http(prefix + "row page").get("/rows/#{rowId}").check(status().is(200)));
    }

    /** Form page, POST (one row inserted, 303) and the inserted row's page: the counterpart of a registration. */
    private ChainBuilder insert() {
        return exec(http(prefix + "row form").get("/rows/new").check(hiddenField("_csrf")))
                .exec(http(prefix + "row insert")
                        .post("/rows")
                        .formParam("_csrf", "#{csrf}")
                        .formParam("name", "Kuormitus #{rowId}")
                        .check(status().is(303))
                        .check(header("Location").saveAs("inserted")))
                .exec(http(prefix + "inserted row page").get("#{inserted}").check(status().is(200)));
    }

    private ChainBuilder statusApi() {
        return exec(http(prefix + "api status")
                .get("/api/status")
                .header("Accept", "application/json")
                .check(status().is(200)));
    }

    private static CheckBuilder.Final hiddenField(String name) {
        return regex("name=\"" + name + "\" value=\"([^\"]+)\"").saveAs("csrf");
    }

    /**
     * As {@link Librarians#mixedDay}: seven steps a round, each followed by the same pause. Five row pages stand for
     * the three searches and two patron pages, the form, insert and its page for the registration, and the JSON
     * answer for the home page.
     */
    ScenarioBuilder mixedDay(Duration duration) {
        return scenario(prefix + "floor users")
                .exec(session -> session.set("username", "floor-user-" + (1 + session.userId() % USERS)))
                .exec(signIn())
                .exec(session -> session.set("rowId", 1))
                .during(duration)
                .on(exec(
                        rowPage(),
                        think(),
                        rowPage(),
                        think(),
                        rowPage(),
                        think(),
                        rowPage(),
                        think(),
                        rowPage(),
                        think(),
                        insert(),
                        think(),
                        statusApi(),
                        think()));
    }

    private static ChainBuilder think() {
        return CoreDsl.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    /** As {@link Librarians#registrationsOnly}: everyone signs in, then inserts together as fast as they can. */
    ScenarioBuilder insertsOnly(Duration duration) {
        return scenario(prefix + "floor inserts")
                .exec(session -> session.set("username", "floor-user-" + (1 + session.userId() % USERS))
                        .set("rowId", 1))
                .exec(signIn())
                .rendezVous(USERS)
                .during(duration)
                .on(exec(insert()));
    }

    /** As StatusSimulation's pollers. */
    static ScenarioBuilder poll(String prefix, int seconds) {
        return scenario(prefix + "floor pollers")
                .during(Duration.ofSeconds(seconds))
                .on(new Floor(prefix).statusApi());
    }
}
