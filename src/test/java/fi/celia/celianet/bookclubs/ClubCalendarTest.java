package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.RealHttp;
import fi.celia.celianet.support.TestData;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ClubCalendarTest extends BookClubTest {

    private RequestPostProcessor staffSession() throws Exception {
        return signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
    }

    @Test
    void staffCreateAClubGenerateItsCalendarAndSeeItListedWithItsMemberCount() throws Exception {
        var session = staffSession();
        at(LocalDate.of(2030, 1, 10));
        String name = TestData.unique("Runokerho");
        var created = mvc.perform(post("/bookclubs")
                        .with(session)
                        .param("nameFi", name)
                        .param("nameSv", "Poesiklubben")
                        .param("nameEn", "Poetry club")
                        .param("format", "DAISY_CD")
                        .param("leadTimeDays", "35")
                        .param("booksPerShipment", "2"))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("flashMessage", "bookclubs.club.created"))
                .andReturn();
        UUID clubId = UUID.fromString(created.getResponse().getRedirectedUrl().substring("/bookclubs/".length()));

        mvc.perform(post("/bookclubs/{id}/calendar", clubId)
                        .with(session)
                        .param("firstDelivery", "15.2.2030")
                        .param("months", "12")
                        .param("leadTimeDays", "35"))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("flashMessage", "bookclubs.calendar.generated"));
        var shipments = clubs.shipments(clubId);
        assertThat(shipments).hasSize(12);
        assertThat(shipments.get(0).deliveryDate()).isEqualTo(LocalDate.of(2030, 2, 15));
        assertThat(shipments.get(0).productionStartsOn()).isEqualTo(LocalDate.of(2030, 1, 11));
        assertThat(shipments.get(11).deliveryDate()).isEqualTo(LocalDate.of(2031, 1, 15));
        assertThat(shipments).allSatisfy(s -> {
            assertThat(s.productionStartsOn()).isEqualTo(s.deliveryDate().minusDays(35));
            assertThat(s.state()).isEqualTo(ShipmentState.OPEN);
        });

        mvc.perform(post("/bookclubs/{id}/calendar", clubId)
                        .with(session)
                        .param("firstDelivery", "2030-02-15")
                        .param("months", "3")
                        .param("leadTimeDays", "35"))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("flashMessage", "bookclubs.calendar.nothingAdded"));
        assertThat(clubs.shipments(clubId)).hasSize(12);

        PatronSummary member = patron("Maija Meikäläinen", null);
        subscriptions.subscribe(member.patronId(), clubId, SERVICE);
        mvc.perform(get("/bookclubs").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content()
                        .string(Matchers.matchesPattern(
                                "(?s).*" + name + "</a></td>.*?<td class=\"members\"[^>]*>1</td>.*")));
        mvc.perform(get("/bookclubs/{id}", clubId).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("15.2.2030")))
                .andExpect(content().string(Matchers.containsString("11.1.2030")));
    }

    @Test
    void badCalendarInputIsRefusedWithMessagesAndTheInputKept() throws Exception {
        var session = staffSession();
        at(LocalDate.of(2030, 3, 10));
        Club club = club(35, 1);
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "9.3.2030")
                        .param("months", "12")
                        .param("leadTimeDays", "35"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Ensimmäinen toimituspäivä on menneisyydessä. Valitse tämä päivä (10.3.2030)")))
                .andExpect(content().string(Matchers.containsString("value=\"9.3.2030\"")));
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "15.4.2030")
                        .param("months", "12")
                        .param("leadTimeDays", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Läpimenoajan on oltava 1–120 päivää.")));
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "15.4.2030")
                        .param("months", "12")
                        .param("leadTimeDays", "121")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The lead time must be 1 to 120 days.")));
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "31.2.2030")
                        .param("months", "12")
                        .param("leadTimeDays", "35")
                        .param("lang", "sv"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("Ange den första leveransdagen som ett datum som finns")));
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "15.4.2030")
                        .param("months", "0")
                        .param("leadTimeDays", "35")
                        .param("lang", "fi"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Anna kuukausien määrä, 1–24.")));
        assertThat(clubs.shipments(club.id())).isEmpty();
        assertThat(clubs.find(club.id()).orElseThrow().leadTimeDays()).isEqualTo(35);
    }

    @Test
    void anImpossibleDateIsRefusedOnTheCalendarAndShipmentFormsWithTheInputKept() throws Exception {
        var session = staffSession();
        at(LocalDate.of(2030, 3, 10));
        Club club = monthlyClub(LocalDate.of(2030, 4, 15), 1, 35, 1);
        Shipment april = shipmentOn(club, LocalDate.of(2030, 4, 15));

        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "31.2.2010")
                        .param("months", "3")
                        .param("leadTimeDays", "35"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Anna ensimmäinen toimituspäivä olemassa olevana päivämääränä")))
                .andExpect(content().string(Matchers.containsString("value=\"31.2.2010\"")));
        assertThat(clubs.shipments(club.id()))
                .extracting(Shipment::deliveryDate)
                .containsExactly(LocalDate.of(2030, 4, 15));

        mvc.perform(post("/bookclubs/{c}/shipments/{s}", club.id(), april.id())
                        .with(session)
                        .param("deliveryDate", "31.2.2010")
                        .param("titles", "Seitsemän veljestä"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(Matchers.containsString("Anna toimituspäivä olemassa olevana päivämääränä")))
                .andExpect(content().string(Matchers.containsString("value=\"31.2.2010\"")));
        Shipment unchanged = clubs.findShipment(club.id(), april.id()).orElseThrow();
        assertThat(unchanged.deliveryDate()).isEqualTo(LocalDate.of(2030, 4, 15));
        assertThat(unchanged.titles()).isNotEqualTo("Seitsemän veljestä");
    }

    @Test
    void staffEditASingleShipmentAndItsProductionStartMovesWithIt() throws Exception {
        var session = staffSession();
        at(LocalDate.of(2030, 5, 1));
        Club club = monthlyClub(LocalDate.of(2030, 7, 15), 3, 35, 1);
        Shipment july = shipmentOn(club, LocalDate.of(2030, 7, 15));
        mvc.perform(post("/bookclubs/{c}/shipments/{s}", club.id(), july.id())
                        .with(session)
                        .param("deliveryDate", "2030-07-20")
                        .param("titles", "Seitsemän veljestä\nTuntematon sotilas"))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("flashMessage", "bookclubs.shipment.saved"));
        Shipment moved = clubs.findShipment(club.id(), july.id()).orElseThrow();
        assertThat(moved.deliveryDate()).isEqualTo(LocalDate.of(2030, 7, 20));
        assertThat(moved.productionStartsOn()).isEqualTo(LocalDate.of(2030, 6, 15));
        assertThat(moved.titles()).isEqualTo("Seitsemän veljestä\nTuntematon sotilas");

        mvc.perform(post("/bookclubs/{c}/shipments/{s}", club.id(), july.id())
                        .with(session)
                        .param("deliveryDate", "2030-08-15")
                        .param("titles", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kerholla on jo lähetys sinä päivänä.")));

        at(LocalDate.of(2030, 6, 20));
        mvc.perform(post("/bookclubs/{c}/shipments/{s}", club.id(), july.id())
                        .with(session)
                        .param("deliveryDate", "2030-07-25")
                        .param("titles", "Uusi"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Toimituspäivää ei voi muuttaa: lähetyksen tuotanto on alkanut.")));
        mvc.perform(get("/bookclubs/{c}/shipments/{s}", club.id(), july.id()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tuotannossa")));
    }

    @Test
    void unknownClubsAndShipmentsAreNotFoundAndOnlyServiceStaffSeeTheClubs() throws Exception {
        var staffAccount = staff(Role.STAFF, null);
        at(LocalDate.of(2030, 5, 1));
        Club club = monthlyClub(LocalDate.of(2030, 7, 15), 1, 35, 1);
        Club other = monthlyClub(LocalDate.of(2030, 7, 15), 1, 35, 1);
        Shipment othersShipment = clubs.shipments(other.id()).get(0);
        clock.reset();

        var http = new RealHttp(port);
        http.signIn(staffAccount.getUsername(), TestData.PASSWORD);
        for (String path : new String[] {
            "/bookclubs/" + UUID.randomUUID(),
            "/bookclubs/" + club.id() + "/shipments/" + UUID.randomUUID(),
            "/bookclubs/" + club.id() + "/shipments/" + othersShipment.id(),
            "/bookclubs/" + club.id() + "/shipments/" + UUID.randomUUID() + "/members.csv",
            "/bookclubs/" + club.id() + "/shipments/" + UUID.randomUUID() + "/labels.pdf"
        }) {
            var response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("<h1>");
        }

        var library = data.library(TestData.unique("Kirjasto"));
        var registrar = signIn(staff(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        mvc.perform(get("/bookclubs").with(registrar)).andExpect(status().isForbidden());
        mvc.perform(get("/bookclubs/{id}", club.id()).with(registrar)).andExpect(status().isForbidden());
    }

    @Test
    void aShipmentOrCalendarEditDrawnFromAnOlderVersionEndsOnTheConflictPageAndChangesNothing() throws Exception {
        var session = staffSession();
        at(LocalDate.of(2030, 9, 1));
        Club club = monthlyClub(LocalDate.of(2030, 11, 15), 2, 35, 1);
        Shipment november = shipmentOn(club, LocalDate.of(2030, 11, 15));
        // Two staff members open the same shipment: the page's form carries the version it was drawn from.
        mvc.perform(get("/bookclubs/{c}/shipments/{s}", club.id(), november.id())
                        .with(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.matchesPattern(
                                "(?s).*name=\"version\" value=\"" + november.version() + "\".*")));
        mvc.perform(post("/bookclubs/{c}/shipments/{s}", club.id(), november.id())
                        .with(session)
                        .param("deliveryDate", "2030-11-15")
                        .param("titles", "Ensimmäisen valinta")
                        .param("version", String.valueOf(november.version())))
                .andExpect(status().isSeeOther());
        mvc.perform(post("/bookclubs/{c}/shipments/{s}", club.id(), november.id())
                        .with(session)
                        .param("deliveryDate", "2030-11-20")
                        .param("titles", "Toisen valinta")
                        .param("version", String.valueOf(november.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Tieto on muuttunut")));
        Shipment saved = clubs.findShipment(club.id(), november.id()).orElseThrow();
        assertThat(saved.titles()).isEqualTo("Ensimmäisen valinta");
        assertThat(saved.deliveryDate()).isEqualTo(LocalDate.of(2030, 11, 15));

        long clubVersion = clubs.find(club.id()).orElseThrow().version();
        mvc.perform(get("/bookclubs/{id}", club.id()).with(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.matchesPattern("(?s).*name=\"version\" value=\"" + clubVersion + "\".*")));
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "2031-01-15")
                        .param("months", "1")
                        .param("leadTimeDays", "35")
                        .param("version", String.valueOf(clubVersion)))
                .andExpect(status().isSeeOther());
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "2031-02-15")
                        .param("months", "1")
                        .param("leadTimeDays", "40")
                        .param("version", String.valueOf(clubVersion)))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Tieto on muuttunut")));
        assertThat(clubs.shipments(club.id()))
                .extracting(Shipment::deliveryDate)
                .containsExactly(LocalDate.of(2030, 11, 15), LocalDate.of(2030, 12, 15), LocalDate.of(2031, 1, 15));
        assertThat(clubs.find(club.id()).orElseThrow().leadTimeDays()).isEqualTo(35);
    }

    @Test
    void aCalendarWithItsOwnLeadTimeLeavesTheClubsLeadTimeAsItWas() throws Exception {
        var session = staffSession();
        at(LocalDate.of(2030, 3, 1));
        Club club = club(35, 1);
        mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "10.4.2030")
                        .param("months", "2")
                        .param("leadTimeDays", "1"))
                .andExpect(status().isSeeOther());
        assertThat(clubs.find(club.id()).orElseThrow().leadTimeDays()).isEqualTo(35);
        assertThat(clubs.shipments(club.id()))
                .extracting(Shipment::productionStartsOn)
                .containsExactly(LocalDate.of(2030, 4, 9), LocalDate.of(2030, 5, 9));
        mvc.perform(get("/bookclubs/{id}", club.id()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<dd>35 päivää</dd>")));
    }
}
