package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Shipments and calendars are planned at most five years ahead: a delivery in the year 9999 is a typing error. */
class ShipmentHorizonTest extends BookClubTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 10);
    private static final LocalDate LAST_DAY = LocalDate.of(2035, 1, 10);

    @Test
    void aCalendarStartingInTheYear9999IsRefusedOnItsFirstDeliveryAndAddsNothing() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(TODAY);
        Club club = club(35, 1);
        var response = mvc.perform(post("/bookclubs/{id}/calendar", club.id())
                        .with(session)
                        .param("firstDelivery", "9999-02-15")
                        .param("months", "12")
                        .param("leadTimeDays", "35"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#firstDelivery-error").text())
                .contains("Ensimmäinen toimituspäivä voi olla enintään viiden vuoden päässä, viimeistään 10.1.2035.");
        assertThat(page.select(".error-summary a[href=#firstDelivery]")).hasSize(1);
        assertThat(page.select("#firstDelivery").attr("value")).isEqualTo("9999-02-15");
        assertThat(clubs.shipments(club.id())).isEmpty();

        assertThatThrownBy(() -> clubs.generateMonthlyCalendar(club.id(), LAST_DAY.plusDays(1), 1, 35, "test"))
                .isInstanceOfSatisfying(BookClubRefusal.class, refusal -> {
                    assertThat(refusal.problem().field()).isEqualTo("firstDelivery");
                    assertThat(refusal.problem().messageKey()).isEqualTo("bookclubs.calendar.error.tooFarAhead");
                });
        assertThat(clubs.shipments(club.id())).isEmpty();
        assertThat(clubs.generateMonthlyCalendar(club.id(), LAST_DAY, 1, 35, "test"))
                .hasSize(1);
    }

    @Test
    void aShipmentMovedToTheYear9999IsRefusedOnItsDeliveryDateAndStaysWhereItWas() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(TODAY);
        Club club = monthlyClub(LocalDate.of(2030, 3, 15), 1, 35, 1);
        Shipment march = shipmentOn(club, LocalDate.of(2030, 3, 15));
        var response = mvc.perform(post("/bookclubs/{c}/shipments/{s}", club.id(), march.id())
                        .with(session)
                        .param("deliveryDate", "9999-03-15")
                        .param("titles", "Kalevala")
                        .param("lang", "en"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#deliveryDate-error").text())
                .contains("The delivery date can be at most five years ahead, on 10.1.2035 at the latest.");
        assertThat(page.select("#deliveryDate").attr("value")).isEqualTo("9999-03-15");

        assertThatThrownBy(() -> clubs.updateShipment(club.id(), march.id(), null, LAST_DAY.plusDays(1), "", "test"))
                .isInstanceOfSatisfying(BookClubRefusal.class, refusal -> {
                    assertThat(refusal.problem().field()).isEqualTo("deliveryDate");
                    assertThat(refusal.problem().messageKey()).isEqualTo("bookclubs.shipment.error.tooFarAhead");
                });
        Shipment unchanged = clubs.findShipment(club.id(), march.id()).orElseThrow();
        assertThat(unchanged.deliveryDate()).isEqualTo(LocalDate.of(2030, 3, 15));
        assertThat(unchanged.titles()).isEmpty();

        assertThat(clubs.updateShipment(club.id(), march.id(), null, LAST_DAY, "", "test")
                        .deliveryDate())
                .isEqualTo(LAST_DAY);
    }
}
