package fi.celia.celianet.bookclubs;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.PatronDirectory;
import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffPrincipal;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;

/** The book clubs' tests, on the shared application context: real patrons from the patrons module. */
abstract class BookClubTest extends IntegrationTest {

    @Autowired
    protected BookClubs clubs;

    @Autowired
    protected Subscriptions subscriptions;

    @Autowired
    protected SubscriptionViews views;

    @Autowired
    protected Production production;

    @Autowired
    protected PatronDirectory directory;

    protected static final StaffPrincipal SERVICE = new StaffPrincipal(
            UUID.randomUUID(), "bookclub-test-staff", "Test Staff", Role.STAFF, null, "fi", null, true);

    protected void at(LocalDate date, LocalTime time) {
        clock.set(Helsinki.instantOf(date.atTime(time)));
    }

    protected void at(LocalDate date) {
        at(date, LocalTime.NOON);
    }

    protected Club club(int leadTimeDays, int booksPerShipment) {
        String name = TestData.unique("Kerho");
        return clubs.create(
                new ClubDetails(
                        name, name + " sv", name + " en", "", "", "", ClubFormat.CD, leadTimeDays, booksPerShipment),
                "test");
    }

    /** A club with a monthly calendar on the day of {@code firstDelivery}; the clock must stand before it. */
    protected Club monthlyClub(LocalDate firstDelivery, int months, int leadTimeDays, int books) {
        Club club = club(leadTimeDays, books);
        clubs.generateMonthlyCalendar(club.id(), firstDelivery, months, leadTimeDays, "test");
        return club;
    }

    /** A patron of the organisation (null: a shared test library) with the CD club service and a postal address. */
    protected PatronSummary patron(String name, Organisation organisation) {
        return patron(name, organisation, address(name), null, true);
    }

    protected PatronSummary patron(
            String name, Organisation organisation, PostalAddress address, String email, boolean cdClubs) {
        return summary(data.patron(name, organisation, address, email, cdClubs));
    }

    protected PatronSummary withEmail(String name, String email) {
        return patron(name, null, address(name), email, true);
    }

    protected PatronSummary summary(UUID patronId) {
        return directory.find(patronId).orElseThrow();
    }

    protected static PostalAddress address(String name) {
        return new PostalAddress("Kirjastokatu " + (name.length() + 1), "00100", "Helsinki");
    }

    protected List<String> frozenNames(UUID shipmentId) {
        return jdbc.sql("SELECT name FROM shipment_member WHERE shipment_id = :id ORDER BY name")
                .param("id", shipmentId)
                .query(String.class)
                .list();
    }

    protected Shipment shipmentOn(Club club, LocalDate delivery) {
        return clubs.shipments(club.id()).stream()
                .filter(s -> s.deliveryDate().equals(delivery))
                .findFirst()
                .orElseThrow();
    }

    protected StaffAccount staff(Role role, Organisation organisation) {
        return data.account(role, organisation);
    }

    /** A real HTTP client signed in through the form: for streamed downloads, read as they arrive. */
    protected final class Browser {

        private static final Pattern CSRF =
                Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Browser(String username) throws IOException, InterruptedException {
            String page = get("/login", HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new AssertionError("no CSRF token on the login page");
            }
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8);
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.headers().firstValue("Location").orElse("/login").contains("/login")) {
                throw new AssertionError("sign-in failed");
            }
        }

        <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(Duration.ofSeconds(120))
                            .GET()
                            .build(),
                    handler);
        }

        HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
            return get(path, HttpResponse.BodyHandlers.ofInputStream());
        }
    }
}
