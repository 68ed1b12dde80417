package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A club's member counts are counted once and kept a few minutes, the page saying how old they are: a club of a
 * hundred thousand members is not counted again on every view. A change made through this application is seen at
 * once.
 */
class ClubCountsTest extends BookClubTest {

    @Test
    void theClubPagesKeepTheirCountsAFewMinutesAndSayHowOldTheyAre() throws Exception {
        RequestPostProcessor session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        LocalDate first = LocalDate.of(2034, 10, 1);
        at(LocalDate.of(2034, 8, 1));
        Club club = monthlyClub(first, 2, 35, 1);
        subscriptions.subscribe(patron("Laskun Jäsen", null).patronId(), club.id(), SERVICE);

        Document page = clubPage(session, club);
        assertThat(page.select("dd .member-count").text()).isEqualTo("1");
        assertThat(page.select("dd .counted-age").text()).isEqualTo("Laskettu juuri nyt.");
        assertThat(shipmentMembers(page)).containsExactly("1", "1");
        assertThat(page.select("#shipments-counted").text()).isEqualTo("Laskettu juuri nyt.");

        // a member written to the database behind this instance's back, as another instance would
        subscribeBehindTheBack(patron("Toisen Jäsen", null).patronId(), club, first);
        clock.advance(Duration.ofMinutes(3));
        page = clubPage(session, club);
        assertThat(page.select("dd .member-count").text()).isEqualTo("1");
        assertThat(page.select("dd .counted-age").text()).isEqualTo("Laskettu 3 minuuttia sitten.");
        assertThat(shipmentMembers(page)).containsExactly("1", "1");
        assertThat(page.select("#shipments-counted").text()).isEqualTo("Laskettu 3 minuuttia sitten.");
        Shipment october = clubs.shipments(club.id()).get(0);
        Document shipment = page(session, "/bookclubs/" + club.id() + "/shipments/" + october.id());
        assertThat(shipment.select("dd.member-count").text()).isEqualTo("1");
        assertThat(shipment.select("#members-counted").text()).isEqualTo("Laskettu 3 minuuttia sitten.");
        Document list = page(session, "/bookclubs");
        assertThat(list.select("#members-counted").text()).isNotEmpty();

        // past the counts' age, they are counted again
        clock.advance(Duration.ofMinutes(3));
        page = clubPage(session, club);
        assertThat(page.select("dd .member-count").text()).isEqualTo("2");
        assertThat(page.select("dd .counted-age").text()).isEqualTo("Laskettu juuri nyt.");
        assertThat(shipmentMembers(page)).containsExactly("2", "2");

        // a member joining through the application is counted at once
        clock.advance(Duration.ofMinutes(1));
        subscriptions.subscribe(patron("Kolmas Jäsen", null).patronId(), club.id(), SERVICE);
        page = clubPage(session, club);
        assertThat(page.select("dd .member-count").text()).isEqualTo("3");
        assertThat(shipmentMembers(page)).containsExactly("3", "3");
        assertThat(page.select("dd .counted-age").text()).isEqualTo("Laskettu juuri nyt.");
    }

    private void subscribeBehindTheBack(UUID patronId, Club club, LocalDate startsOn) {
        jdbc.sql(
                        """
                INSERT INTO club_subscription (id, patron_id, club_id, state, starts_on, created_at, created_by,
                    updated_at) VALUES (:id, :patron, :club, 'ACTIVE', :starts, now(), 'test', now())""")
                .param("id", UUID.randomUUID())
                .param("patron", patronId)
                .param("club", club.id())
                .param("starts", Date.valueOf(startsOn))
                .update();
    }

    private Document clubPage(RequestPostProcessor session, Club club) throws Exception {
        return page(session, "/bookclubs/" + club.id());
    }

    private Document page(RequestPostProcessor session, String path) throws Exception {
        var response = mvc.perform(get(path).with(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<String> shipmentMembers(Document page) {
        return page.select("table tbody tr td:nth-child(4)").eachText();
    }
}
