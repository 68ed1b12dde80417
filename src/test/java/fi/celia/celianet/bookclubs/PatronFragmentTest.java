package fi.celia.celianet.bookclubs;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
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
                .andExpect(content().string(Matchers.containsString("<td>" + joined.nameFi() + "</td>")))
                .andExpect(content().string(Matchers.containsString("<td>10.3.2035</td>")))
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
}
