package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.CelianetApplication;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.maintenance.WindowDetails;
import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.core.ApplicationModules;

class ProductionTest extends BookClubTest {

    @Autowired
    ServiceAvailability serviceAvailability;

    @Autowired
    MaintenanceWindows windows;

    private List<Map<String, Object>> frozenRows(Shipment shipment) {
        return jdbc.sql(
                        "SELECT name, street, postal_code, city FROM shipment_member WHERE shipment_id = :id ORDER BY name")
                .param("id", shipment.id())
                .query()
                .listOfRows();
    }

    @Test
    void theListFreezesWhenProductionStartsAndLaterChangesLeaveItAlone() {
        at(LocalDate.of(2033, 1, 1));
        Club club = monthlyClub(LocalDate.of(2033, 3, 15), 3, 35, 1);
        PatronSummary anna = patron("Anna Aaltonen", null);
        PatronSummary bertta = patron("Bertta Berg", null);
        subscriptions.subscribe(anna.patronId(), club.id(), SERVICE);
        var berttas = subscriptions.subscribe(bertta.patronId(), club.id(), SERVICE);
        Shipment march = shipmentOn(club, LocalDate.of(2033, 3, 15));
        assertThat(march.productionStartsOn()).isEqualTo(LocalDate.of(2033, 2, 8));

        at(LocalDate.of(2033, 2, 7), LocalTime.of(23, 59, 59));
        production.freezeDue();
        march = shipmentOn(club, LocalDate.of(2033, 3, 15));
        assertThat(march.frozen()).isFalse();
        assertThat(march.state()).isEqualTo(ShipmentState.OPEN);
        assertThat(march.memberCount()).isEqualTo(2);

        at(LocalDate.of(2033, 2, 8), LocalTime.MIDNIGHT);
        production.freezeDue();
        march = shipmentOn(club, LocalDate.of(2033, 3, 15));
        assertThat(march.frozen()).isTrue();
        assertThat(march.state()).isEqualTo(ShipmentState.IN_PRODUCTION);
        var frozen = frozenRows(march);
        assertThat(frozen).extracting(r -> r.get("name")).containsExactly("Anna Aaltonen", "Bertta Berg");
        assertThat(frozen.get(0).get("street")).isEqualTo(anna.postalAddress().street());

        // Later: Anna moves, Bertta leaves, Cecilia joins; the frozen list stays as it was, the next one follows.
        at(LocalDate.of(2033, 2, 10));
        data.movePatron(anna.patronId(), new PostalAddress("Uusi katu 5 B 12", "33100", "Tampere"));
        var ended = subscriptions.end(bertta.patronId(), berttas.subscriptionId(), SERVICE);
        assertThat(ended.effectiveFrom()).isEqualTo(LocalDate.of(2033, 4, 15));
        PatronSummary cecilia = patron("Cecilia Cederström", null);
        assertThat(subscriptions
                        .subscribe(cecilia.patronId(), club.id(), SERVICE)
                        .shipment()
                        .deliveryDate())
                .isEqualTo(LocalDate.of(2033, 4, 15));
        var frozenAt = march.frozenAt();
        production.freezeDue();
        production.freezeDue();
        march = shipmentOn(club, LocalDate.of(2033, 3, 15));
        assertThat(frozenRows(march)).isEqualTo(frozen);
        assertThat(march.frozenAt()).isEqualTo(frozenAt);
        assertThat(march.memberCount()).isEqualTo(2);

        at(LocalDate.of(2033, 3, 11));
        production.freezeDue();
        Shipment april = shipmentOn(club, LocalDate.of(2033, 4, 15));
        assertThat(frozenRows(april))
                .extracting(r -> r.get("name"))
                .containsExactly("Anna Aaltonen", "Cecilia Cederström");
        assertThat(frozenRows(april).get(0))
                .containsEntry("street", "Uusi katu 5 B 12")
                .containsEntry("city", "Tampere");
    }

    @Test
    void runningTheFreezeTwiceChangesNothingAndItCatchesUpAfterDowntime() {
        at(LocalDate.of(2033, 5, 1));
        Club club = monthlyClub(LocalDate.of(2033, 7, 1), 4, 35, 1);
        for (int i = 0; i < 5; i++) {
            subscriptions.subscribe(patron("Jäsen " + i, null).patronId(), club.id(), SERVICE);
        }
        at(LocalDate.of(2033, 10, 1)); // down since May: July, August, September and October are all due
        production.freezeDue();
        var once = jdbc.sql(
                        "SELECT shipment_id::text || patron_id::text || street FROM shipment_member m JOIN club_shipment s ON s.id = m.shipment_id WHERE s.club_id = :c ORDER BY 1")
                .param("c", club.id())
                .query(String.class)
                .list();
        assertThat(clubs.shipments(club.id())).allSatisfy(s -> {
            assertThat(s.frozen()).isTrue();
            assertThat(s.memberCount()).isEqualTo(5);
        });
        production.freezeDue();
        var twice = jdbc.sql(
                        "SELECT shipment_id::text || patron_id::text || street FROM shipment_member m JOIN club_shipment s ON s.id = m.shipment_id WHERE s.club_id = :c ORDER BY 1")
                .param("c", club.id())
                .query(String.class)
                .list();
        assertThat(twice).hasSize(20).isEqualTo(once);
    }

    @Test
    void productionFreezesAndExportsWhileAMaintenanceWindowClosesEveryService() throws Exception {
        var staffAccount = staff(Role.STAFF, null);
        at(LocalDate.of(2033, 8, 1));
        Club club = monthlyClub(LocalDate.of(2033, 10, 1), 1, 35, 1);
        subscriptions.subscribe(patron("Huoltokatkon Jäsen", null).patronId(), club.id(), SERVICE);
        Instant closes = Helsinki.instantOf(LocalDate.of(2033, 8, 1).atTime(12, 30));
        UUID window = windows.create(
                new WindowDetails(
                        closes,
                        Helsinki.instantOf(LocalDate.of(2033, 9, 1).atStartOfDay()),
                        closes.minusSeconds(600),
                        TestData.unique("Huoltokatko"),
                        "",
                        "",
                        "",
                        "",
                        "",
                        EnumSet.allOf(ClosableService.class),
                        Set.of(ContactChannel.EMAIL)),
                "test");
        try {
            clock.set(closes);
            assertThat(EnumSet.allOf(ClosableService.class))
                    .allSatisfy(service -> assertThat(serviceAvailability.isOpen(service))
                            .as(service.name())
                            .isFalse());

            at(LocalDate.of(2033, 8, 27));
            assertThat(serviceAvailability.isOpen(ClosableService.REGISTRATION)).isFalse();
            production.freezeDue();
            Shipment october = clubs.shipments(club.id()).get(0);
            assertThat(october.frozen()).isTrue();
            assertThat(frozenNames(october.id())).containsExactly("Huoltokatkon Jäsen");

            var browser = new Browser(staffAccount.getUsername());
            var csv = browser.get(
                    "/bookclubs/" + club.id() + "/shipments/" + october.id() + "/members.csv",
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).contains("Huoltokatkon Jäsen");
            // Production never asks whether a service is open: the book clubs do not even see the maintenance module.
            var modules = ApplicationModules.of(CelianetApplication.class);
            assertThat(modules.getModuleByName("bookclubs")
                            .orElseThrow()
                            .getDependencies(modules)
                            .containsModuleNamed("maintenance"))
                    .isFalse();
        } finally {
            clock.reset();
            windows.cancel(window, "test");
        }
    }

    @Test
    void theScheduledJobRunsUnderShedLock() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'bookclubs-freeze'")
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    @Test
    void theShipmentPageShowsItsStateMemberCountAndList() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2033, 8, 1));
        Club club = monthlyClub(LocalDate.of(2033, 10, 1), 1, 35, 1);
        subscriptions.subscribe(patron("Sivun Jäsen", null).patronId(), club.id(), SERVICE);
        Shipment october = clubs.shipments(club.id()).get(0);
        mvc.perform(get("/bookclubs/{c}/shipments/{s}", club.id(), october.id()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<dd class=\"state\">Avoin</dd>")))
                .andExpect(content().string(Matchers.containsString("<dd class=\"member-count\">1</dd>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("members.csv"))));
        at(LocalDate.of(2033, 8, 27));
        production.freezeDue();
        mvc.perform(get("/bookclubs/{c}/shipments/{s}", club.id(), october.id()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<dd class=\"state\">Tuotannossa</dd>")))
                .andExpect(content().string(Matchers.containsString("Sivun Jäsen")))
                .andExpect(content().string(Matchers.containsString("members.csv")))
                .andExpect(content().string(Matchers.containsString("labels.pdf")));
        at(LocalDate.of(2033, 10, 1));
        mvc.perform(get("/bookclubs/{c}/shipments/{s}", club.id(), october.id()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<dd class=\"state\">Lähetetty</dd>")));
    }

    @Test
    void theLabelsPdfOpensAndHoldsEveryNameInTheShippedFont() throws Exception {
        var staffAccount = staff(Role.STAFF, null);
        at(LocalDate.of(2033, 8, 1));
        Club club = monthlyClub(LocalDate.of(2033, 10, 1), 1, 35, 1);
        List<String> names = new ArrayList<>(
                List.of("Áilu Čiekčá", "Дмитрий Шостакович", "Åsa Öberg", "Ŋeavvu Šáđđá", "Jääskeläinen, \"Jussi\""));
        for (int i = 1; names.size() < 30; i++) {
            names.add("Tarrajäsen " + i);
        }
        for (String name : names) {
            subscriptions.subscribe(patron(name, null).patronId(), club.id(), SERVICE);
        }
        at(LocalDate.of(2033, 8, 27));
        production.freezeDue();
        Shipment october = clubs.shipments(club.id()).get(0);
        assertThat(october.memberCount()).isEqualTo(30);

        var browser = new Browser(staffAccount.getUsername());
        var pdf = browser.get(
                "/bookclubs/" + club.id() + "/shipments/" + october.id() + "/labels.pdf",
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(document);
            assertThat(names).allSatisfy(name -> assertThat(text).contains(name));
            assertThat(document.getPage(0).getResources().getFontNames()).allSatisfy(font -> assertThat(
                            document.getPage(0).getResources().getFont(font).getName())
                    .contains("DejaVuSans"));
        }

        var csv = browser.get(
                "/bookclubs/" + club.id() + "/shipments/" + october.id() + "/members.csv",
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/csv")
                .contains("UTF-8");
        assertThat(csv.body().split("\r\n")[0])
                .isEqualTo("Asiakasnumero,Nimi,Katuosoite,Postinumero,Postitoimipaikka,Kieli");
        assertThat(csv.body()).contains(",\"Jääskeläinen, \"\"Jussi\"\"\",").contains("Дмитрий Шостакович");
        assertThat(csv.body().split("\r\n")).hasSize(31);
    }

    @Test
    void theCsvOfAHundredThousandMembersStreamsWithoutMuchMemory() throws Exception {
        var staffAccount = staff(Role.STAFF, null);
        at(LocalDate.of(2033, 8, 1));
        Club club = monthlyClub(LocalDate.of(2033, 10, 1), 1, 35, 1);
        Shipment october = clubs.shipments(club.id()).get(0);
        jdbc.sql(
                        """
                INSERT INTO shipment_member (shipment_id, patron_id, subscription_id, patron_number, name, street, postal_code, city, language)
                SELECT :s, gen_random_uuid(), gen_random_uuid(), 'N' || lpad(g::text, 7, '0'), 'Jäsen Numero ' || g,
                       'Pitkä Katuosoite ' || g || ' A ' || (g % 100), lpad((g % 99999)::text, 5, '0'), 'Helsinki', 'fi'
                FROM generate_series(1, 100000) g""")
                .param("s", october.id())
                .update();
        jdbc.sql("UPDATE club_shipment SET frozen_at = now(), member_count = 100000 WHERE id = :s")
                .param("s", october.id())
                .update();
        clock.reset();

        var browser = new Browser(staffAccount.getUsername());
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long peak = before;
        long started = System.nanoTime();
        var response = browser.stream("/bookclubs/" + club.id() + "/shipments/" + october.id() + "/members.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        int rows = 0;
        String first = null;
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (rows == 1) {
                    first = line;
                }
                rows++;
                if (rows % 5000 == 0) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(rows).isEqualTo(100_001);
        assertThat(first).startsWith("N0000001,Jäsen Numero 1,");
        assertThat(seconds).isLessThan(60);
        assertThat(peak - before).as("heap growth while streaming").isLessThan(256L * 1024 * 1024);
    }
}
