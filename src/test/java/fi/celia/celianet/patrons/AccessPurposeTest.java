package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Each access to a patron's record is audited with its purpose, derived from how it happened: a page opened from
 * search results, a search by identity code (recorded against the patron it found), help with credentials.
 */
class AccessPurposeTest extends IntegrationTest {

    @Test
    void aPatronOpenedFromSearchResultsIsAuditedAsSuchAndOpenedOtherwiseAsAView() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(registrar.getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        UUID id = register(session, code);

        String results = PatronFixtures.search(mvc, session, code, null);
        String link = Jsoup.parse(results)
                .select("a[href^=/patrons/" + id + "?from=]")
                .first()
                .attr("href");
        assertThat(mvc.perform(get(link).with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(purposes(id, "PATRON_VIEWED")).containsExactly("SEARCH_RESULT");

        assertThat(mvc.perform(get("/patrons/" + id).with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(purposes(id, "PATRON_VIEWED")).containsExactly("SEARCH_RESULT", "VIEW");
    }

    @Test
    void aSearchByIdentityCodeThatFindsAPatronIsAuditedAgainstThatPatronWhoeverSearched() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        UUID id = register(session, code);
        assertThat(purposes(id, "PATRON_SEARCH_BY_IDENTITY_CODE")).isEmpty();

        PatronFixtures.search(mvc, session, code, null);
        assertThat(purposes(id, "PATRON_SEARCH_BY_IDENTITY_CODE")).containsExactly("SEARCH");

        // a registrar of another library, who may not open the patron, searched them all the same
        var other = data.library(TestData.unique("Library"));
        var elsewhere = data.account(Role.REGISTRAR, other);
        PatronFixtures.search(mvc, signIn(elsewhere.getUsername(), TestData.PASSWORD), code, null);
        assertThat(jdbc.sql(
                                """
                        SELECT actor FROM audit_event WHERE target_type = 'PATRON' AND target_id = :id
                        AND action = 'PATRON_SEARCH_BY_IDENTITY_CODE' ORDER BY id""")
                        .param("id", id.toString())
                        .query(String.class)
                        .list())
                .hasSize(2)
                .last()
                .isEqualTo(elsewhere.getUsername());

        // a code that finds nobody is audited without a target
        String nobody = PatronFixtures.newCode();
        var searcher = data.account(Role.REGISTRAR, library);
        PatronFixtures.search(mvc, signIn(searcher.getUsername(), TestData.PASSWORD), nobody, null);
        assertThat(jdbc.sql(
                                """
                        SELECT coalesce(target_id, '-') || ' ' || purpose FROM audit_event
                        WHERE actor = :a AND action = 'PATRON_SEARCH_BY_IDENTITY_CODE'""")
                        .param("a", searcher.getUsername())
                        .query(String.class)
                        .list())
                .containsExactly("- SEARCH");
    }

    @Test
    void resendingTheCredentialsIsHelpWithCredentialsAndAnEditIsAnEdit() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        UUID id = register(session, PatronFixtures.newCode());
        assertThat(purposes(id, "PATRON_REGISTERED")).containsExactly("REGISTRATION");

        var resend = mvc.perform(post("/patrons/" + id + "/credentials/resend").with(session))
                .andReturn()
                .getResponse();
        assertThat(resend.getStatus()).isEqualTo(303);
        assertThat(purposes(id, "PATRON_CREDENTIALS_RESENT")).containsExactly("CREDENTIALS_HELP");

        var saved = mvc.perform(post("/patrons/" + id)
                        .with(session)
                        .param("email", TestData.unique("uusi") + "@example.fi")
                        .param("language", "fi")
                        .param("services", "ONLINE")
                        .param("city", "Espoo")
                        .param("credentialsTo", "PATRON"))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(purposes(id, "PATRON_CHANGED")).containsExactly("EDIT");
    }

    @Test
    void theDatabaseRefusesAPurposeItDoesNotKnow() {
        assertThatThrownBy(() -> jdbc.sql(
                                """
                        INSERT INTO audit_event (occurred_at, actor, action, outcome, purpose)
                        VALUES (now(), 'x', 'PATRON_VIEWED', 'SUCCESS', 'CURIOSITY')""")
                        .update())
                .hasMessageContaining("audit_event_purpose_ck");
    }

    private List<String> purposes(UUID patronId, String action) {
        return jdbc.sql(
                        """
                SELECT purpose FROM audit_event WHERE target_type = 'PATRON' AND target_id = :id AND action = :action
                ORDER BY id""")
                .param("id", patronId.toString())
                .param("action", action)
                .query(String.class)
                .list();
    }

    private UUID register(RequestPostProcessor session, String code) throws Exception {
        var response = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(
                                UUID.randomUUID().toString(), code, TestData.unique("purpose") + "@example.fi")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(303);
        return UUID.fromString(response.getRedirectedUrl().substring("/patrons/".length()));
    }
}
