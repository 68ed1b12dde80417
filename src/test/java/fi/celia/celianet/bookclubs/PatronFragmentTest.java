package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;

/** The book clubs' section of the real patron page: subscriptions with their next delivery, the notice after a change, joining. */
class PatronFragmentTest extends BookClubTest {

    @Test
    void thePatronPageFragmentListsSubscriptionsWithTheNextDeliveryAndShowsTheNotice() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2035, 1, 1));
        Club joined = monthlyClub(LocalDate.of(2035, 3, 10), 6, 35, 1);
        Club other = monthlyClub(LocalDate.of(2035, 3, 20), 6, 35, 1);
        PatronSummary patron = patron("Fragmentin Jäsen", null);

        var result = mvc.perform(post("/patrons/{id}/subscriptions", patron.patronId())
                        .with(session)
                        .param("clubId", joined.id().toString()))
                .andExpect(status().isSeeOther())
                .andReturn();
        var flash = result.getFlashMap();
        mvc.perform(get("/patrons/{id}", patron.patronId())
                        .with(session)
                        // MockMvc's flashAttrs would go to a mock session; sessions live in PostgreSQL here.
                        .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Asiakas liittyi kirjakerhoon.")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                joined.nameFi() + ": ensimmäinen lähetys toimitetaan 10.3.2035.")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*<td[^>]*>" + joined.nameFi() + "</td>.*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*<td[^>]*>10.3.2035</td>.*")))
                .andExpect(content().string(Matchers.containsString("Voimassa")))
                .andExpect(content().string(Matchers.containsString("value=\"" + other.id() + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"" + joined.id() + "\""))))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));

        var subscriptionId = views.forPatron(patron.patronId()).get(0).id();
        subscriptions.pause(patron.patronId(), subscriptionId, LocalDate.of(2035, 4, 1), SERVICE);
        mvc.perform(get("/patrons/{id}", patron.patronId()).with(session).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Paused")))
                .andExpect(content().string(Matchers.containsString("(paused from 10.4.2035)")))
                .andExpect(content().string(Matchers.containsString("/subscriptions/" + subscriptionId + "/resume")));
    }

    @Test
    void beforeJoiningThePageSaysEachClubsFirstDeliveryForAPatronWhoJoinsToday() throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2036, 1, 1));
        // Production of 3.2.2036 started on 30.12.2035: the first open shipment is 3.3.2036 (production 28.1.2036).
        Club started = monthlyClub(LocalDate.of(2036, 2, 3), 3, 35, 1);
        // A calendar with a lead time of its own (1 day): 2.1.2036 starts production today, so not open; 2.2.2036 is.
        Club ownLead = club(35, 1);
        clubs.generateMonthlyCalendar(ownLead.id(), LocalDate.of(2036, 1, 2), 3, 1, "test");
        Club empty = club(35, 1);
        PatronSummary patron = patron("Puhelimen Kuuntelija", null);

        Document fi = page(session, patron, "fi");
        assertThat(firstDelivery(fi, started.nameFi())).isEqualTo("3.3.2036");
        assertThat(firstDelivery(fi, ownLead.nameFi())).isEqualTo("2.2.2036");
        assertThat(firstDelivery(fi, empty.nameFi())).isEqualTo("Ei avointa lähetystä");
        assertThat(fi.select("table.bookclubs-joinable th").eachText())
                .contains("Ensimmäinen toimitus, jos asiakas liittyy tänään");
        assertThat(fi.select("form[action$=/subscriptions] button[type=submit]").eachText())
                .containsExactly("Tilaa");
        assertThat(fi.select(".bookclubs-missing")).isEmpty();
        Document sv = page(session, patron, "sv");
        assertThat(firstDelivery(sv, started.nameSv())).isEqualTo("3.3.2036");
        assertThat(sv.select("table.bookclubs-joinable th").eachText())
                .contains("Första leveransen om kunden går med i dag");

        // What the page said is what joining does.
        assertThat(subscriptions
                        .subscribe(patron.patronId(), started.id(), SERVICE)
                        .shipment()
                        .deliveryDate())
                .isEqualTo(LocalDate.of(2036, 3, 3));
        assertThat(subscriptions
                        .subscribe(patron.patronId(), ownLead.id(), SERVICE)
                        .shipment()
                        .deliveryDate())
                .isEqualTo(LocalDate.of(2036, 2, 2));
    }

    @Test
    void withoutTheCdServiceOrAPostalAddressThePageSaysWhatIsMissingAndTheServerRefusesAForgedSubscribe()
            throws Exception {
        var session = signIn(staff(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        at(LocalDate.of(2036, 1, 1));
        Club club = monthlyClub(LocalDate.of(2036, 3, 10), 3, 35, 1);
        PatronSummary noService = patron("Palveluton Asiakas", null, address("Palveluton Asiakas"), null, false);
        PatronSummary noAddress = patron("Osoitteeton Asiakas", null, null, null, true);
        PatronSummary neither = patron("Tyhjä Asiakas", null, null, null, false);

        Document page = page(session, noService, "fi");
        assertThat(firstDelivery(page, club.nameFi())).isEqualTo("10.3.2036");
        assertThat(page.select("form[action$=/subscriptions]")).isEmpty();
        assertThat(page.select(".bookclubs-missing").text())
                .isEqualTo("Asiakas ei voi liittyä kirjakerhoon: asiakkaalla ei ole CD-kirjakerhopalvelua");
        page = page(session, noAddress, "fi");
        assertThat(page.select("form[action$=/subscriptions]")).isEmpty();
        assertThat(page.select(".bookclubs-missing").text())
                .isEqualTo("Asiakas ei voi liittyä kirjakerhoon: asiakkaalla ei ole postiosoitetta");
        page = page(session, neither, "sv");
        assertThat(page.select("form[action$=/subscriptions]")).isEmpty();
        assertThat(page.select(".bookclubs-missing li").eachText())
                .containsExactly("kunden har inte tjänsten CD-bokklubbar", "kunden har ingen postadress");

        for (PatronSummary patron : new PatronSummary[] {noService, noAddress, neither}) {
            mvc.perform(post("/patrons/{id}/subscriptions", patron.patronId())
                            .with(session)
                            .param("clubId", club.id().toString()))
                    .andExpect(status().isUnprocessableContent());
            assertThat(jdbc.sql("SELECT count(*) FROM club_subscription WHERE patron_id = :p")
                            .param("p", patron.patronId())
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    private Document page(RequestPostProcessor session, PatronSummary patron, String language) throws Exception {
        return Jsoup.parse(mvc.perform(
                        get("/patrons/{id}", patron.patronId()).with(session).param("lang", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** The joinable-clubs table's first-delivery cell of the club named {@code club}. */
    private static String firstDelivery(Document page, String club) {
        return page.select("table.bookclubs-joinable tbody tr").stream()
                .filter(row -> row.child(0).text().equals(club))
                .map(row -> row.child(1).text())
                .findFirst()
                .orElseThrow(() -> new AssertionError(club + " is not among the clubs to join"));
    }
}
