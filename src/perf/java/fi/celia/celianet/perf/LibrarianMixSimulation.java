package fi.celia.celianet.perf;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Twenty librarians through a mixed day: searches, patron pages, registrations, home pages. After a warm-up
 * of the same load, asserts the latency targets and no errors; prints the database's own time for the same
 * searches afterwards.
 */
public class LibrarianMixSimulation extends Simulation {

    private final Librarians librarians = Librarians.measured();

    {
        setUp(Librarians.warmUp()
                        .mixedDay(Duration.ofSeconds(Librarians.WARM_UP_SECONDS))
                        .injectOpen(rampUsers(Librarians.LIBRARIANS).during(Duration.ofSeconds(5)))
                        .andThen(librarians
                                .mixedDay(Duration.ofSeconds(Librarians.DURATION_SECONDS))
                                .injectOpen(rampUsers(Librarians.LIBRARIANS).during(Duration.ofSeconds(5)))))
                .protocols(Librarians.PROTOCOL)
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("search by identity code")
                                .responseTime()
                                .percentile(95.0)
                                .lte(20),
                        details("search by patron number")
                                .responseTime()
                                .percentile(95.0)
                                .lte(20),
                        details("search by name")
                                .responseTime()
                                .percentile(95.0)
                                .lte(80),
                        details("patron page").responseTime().percentile(95.0).lte(30));
    }

    @Override
    public void before() {
        Librarians.vacuumBusyTables();
    }

    @Override
    public void after() {
        librarians.printDatabaseTimes();
    }
}
