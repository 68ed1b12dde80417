package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import fi.celia.celianet.perf.Pages.Page;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every page a signed-in user can open (perf/pages.tsv), each under its own request name, for its ratio to the floor's
 * one-row page ({@link FloorPagesSimulation}, perf/compare.sh). The list's queries are run once, before the run, on
 * the load test's database (-Djdbc.url); a query that finds nothing leaves its page out, and says so. Each account
 * signs in (CSRF included) as one user for every few of its pages ({@link Pages#usersFor}); each user opens the
 * account's pages in turn, each user from another one, pausing between them as the librarians do, checking the status 200 and
 * what the page shows. After a warm-up of the same load (requests named "warm-up …"), only "no errors" is asserted:
 * the ratios are read from the report.
 * <p>
 * Needs a running Celianet (-Dbase.url, default http://localhost:8080) on a database filled by perf/generate.sh;
 * -Dduration and -Dwarmup as for the other simulations.
 */
public class PagesSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("base.url", "http://localhost:8080");
    static final String JDBC_URL = System.getProperty("jdbc.url", "jdbc:postgresql://localhost:5432/celianet_perf");
    static final int DURATION_SECONDS = Integer.getInteger("duration", 60);
    static final int WARM_UP_SECONDS = Integer.getInteger("warmup", 30);
    static final String PASSWORD = "celianet-perf";
    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("fi")
            .disableFollowRedirect()
            .disableCaching();

    {
        List<Page> pages = resolve(Pages.read());
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Map.Entry<String, List<Page>> account : Pages.byAccount(pages).entrySet()) {
            int users = Pages.usersFor(account.getValue().size());
            populations.add(opening("warm-up ", account.getKey(), account.getValue(), users, WARM_UP_SECONDS)
                    .injectOpen(rampUsers(users).during(Duration.ofSeconds(5)))
                    .andThen(opening("", account.getKey(), account.getValue(), users, DURATION_SECONDS)
                            .injectOpen(rampUsers(users).during(Duration.ofSeconds(5)))));
        }
        setUp(populations)
                .protocols(PROTOCOL)
                .assertions(global().failedRequests().count().is(0L));
    }

    /**
     * The account's pages in turn for the given seconds, each of its users starting from another page (spread evenly
     * over the list), so that a short run opens every page too.
     */
    private static ScenarioBuilder opening(String prefix, String account, List<Page> pages, int users, int seconds) {
        AtomicInteger started = new AtomicInteger();
        int stride = Math.max(1, pages.size() / users);
        return scenario(prefix + account)
                .exec(session ->
                        session.set("username", account).set("next", started.getAndIncrement() * stride % pages.size()))
                .exec(signIn(prefix))
                .during(Duration.ofSeconds(seconds))
                .on(exec(session -> {
                            int next = session.getInt("next");
                            Page page = pages.get(next % pages.size());
                            return session.set("next", next + 1)
                                    .set("pageName", prefix + page.name())
                                    .set("pagePath", page.path())
                                    .set("pageShows", page.shows());
                        })
                        .exec(http("#{pageName}")
                                .get("#{pagePath}")
                                .check(status().is(200))
                                .check(substring("#{pageShows}")))
                        .exec(think()));
    }

    /**
     * As the librarians sign in: the sign-in page's CSRF token, the form, and the home page it leads to (the floor's
     * page users too: the same password, the same form).
     */
    static ChainBuilder signIn(String prefix) {
        return exec(
                http(prefix + "sign-in page")
                        .get("/login")
                        .check(regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")),
                http(prefix + "sign in")
                        .post("/login")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302)),
                http(prefix + "home").get("/").check(status().is(200)));
    }

    /** A user reads the page before the next one: half a second to a second and a half, as the librarians do. */
    private static ChainBuilder think() {
        return CoreDsl.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    /**
     * The list with each query replaced by the path it gives (and what the page shows, from its second column); the
     * pages whose query finds nothing are left out, each named on the console.
     */
    static List<Page> resolve(List<Page> pages) {
        List<Page> resolved = new ArrayList<>();
        try (Connection connection = database()) {
            for (Page page : pages) {
                if (!page.query()) {
                    resolved.add(page);
                    continue;
                }
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery(page.path())) {
                    if (!rs.next()) {
                        System.out.println("Page " + page.name() + " left out: its query finds nothing on " + JDBC_URL);
                        continue;
                    }
                    String shows = page.shows().isEmpty() && rs.getMetaData().getColumnCount() > 1
                            ? rs.getString(2)
                            : page.shows();
                    resolved.add(new Page(page.name(), page.account(), rs.getString(1), shows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The page list's queries (" + Pages.FILE + ") failed on " + JDBC_URL + ": " + e.getMessage(), e);
        }
        for (Page page : resolved) {
            if (page.shows().isEmpty()) {
                throw new IllegalStateException(Pages.FILE + ": page " + page.name() + " names nothing it shows");
            }
        }
        return resolved;
    }

    /** Vacuums the session tables the earlier simulations filled, as they do before their runs. */
    @Override
    public void before() {
        try (Connection connection = database();
                var statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) spring_session, spring_session_attributes");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A connection to the load test's database (-Djdbc.url, -Djdbc.user, -Djdbc.password). */
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                JDBC_URL, System.getProperty("jdbc.user", "postgres"), System.getProperty("jdbc.password", "postgres"));
    }
}
