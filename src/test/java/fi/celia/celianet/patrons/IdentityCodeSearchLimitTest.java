package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.patrons.internal.IdentityCodeSearchLimit;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdentityCodeSearchLimitTest extends IntegrationTest {

    @Autowired
    private IdentityCodeSearchLimit limit;

    @AfterEach
    void restoreTheLimit() {
        limit.reset();
    }

    @Test
    void aStaffAccountsIdentityCodeSearchesStopForTheDayAtTheLimitAndTheRefusalIsAudited() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var searcher = data.account(Role.REGISTRAR, library);
        var session = signIn(searcher.getUsername(), TestData.PASSWORD);
        var colleague = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), code, TestData.unique("limit") + "@example.fi");
        String lastName = "Rajala" + Long.toString(System.nanoTime(), 36);
        fields.set("lastName", lastName);
        var registered = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(registered.getStatus()).isEqualTo(303);
        UUID id = UUID.fromString(registered.getRedirectedUrl().substring("/patrons/".length()));
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();

        // midday in Helsinki tomorrow, so the day does not turn during the test
        clock.set(ZonedDateTime.now(ZoneId.of("Europe/Helsinki"))
                .plusDays(1)
                .withHour(12)
                .toInstant());
        limit.setPerDay(2);

        for (int i = 0; i < 2; i++) {
            assertThat(PatronFixtures.search(mvc, session, code, null)).contains("/patrons/" + id);
        }
        var refused = mvc.perform(post("/patrons/search").with(session).param("q", code))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("Henkilötunnushakujen päivittäinen enimmäismäärä on täynnä")
                .doesNotContain("/patrons/" + id);
        assertThat(limitReached(searcher.getUsername())).isEqualTo(1);

        // other kinds of search still work, and another account is not limited by this one's searches
        assertThat(PatronFixtures.search(mvc, session, lastName, null)).contains("/patrons/" + id);
        assertThat(PatronFixtures.search(mvc, session, number, null)).contains("/patrons/" + id);
        assertThat(PatronFixtures.search(mvc, colleague, code, null)).contains("/patrons/" + id);

        clock.advance(Duration.ofDays(1));
        assertThat(PatronFixtures.search(mvc, session, code, null)).contains("/patrons/" + id);
    }

    private int limitReached(String actor) {
        return jdbc.sql(
                        """
                SELECT count(*) FROM audit_event WHERE actor = :actor AND action = 'PATRON_SEARCH_LIMIT_REACHED'
                AND outcome = 'DENIED'""")
                .param("actor", actor)
                .query(Integer.class)
                .single();
    }
}
