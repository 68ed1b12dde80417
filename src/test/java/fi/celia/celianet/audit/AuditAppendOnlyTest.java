package fi.celia.celianet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The audit trail is append-only for the application: no row deleted, none rewritten but the erasure of a
 * patron's details; and a refused look at another organisation's patron is in it.
 */
class AuditAppendOnlyTest extends IntegrationTest {

    @Autowired
    AuditLog audit;

    private long lastId(String actor) {
        return jdbc.sql("SELECT max(id) FROM audit_event WHERE actor = :actor")
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    @Test
    void noRecordIsDeletedOrRewrittenButDetailsCanBeBlanked() {
        String actor = TestData.unique("auditor");
        audit.success(actor, AuditEvent.PATRON_VIEWED, "PATRON", UUID.randomUUID(), "a detail");
        long id = lastId(actor);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else' WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");

        jdbc.sql("UPDATE audit_event SET details = NULL WHERE id = :id")
                .param("id", id)
                .update();
        assertThat(jdbc.sql(
                                "SELECT actor || ' ' || action || ' ' || coalesce(details, '-') FROM audit_event WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(actor + " PATRON_VIEWED -");
    }

    @Test
    void openingAnotherOrganisationsPatronIsNotFoundAndAudited() throws Exception {
        var own = data.library(TestData.unique("Library"));
        var other = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, own);
        UUID patron = data.patron("Aili Virtanen", other, null, null, false);
        RequestPostProcessor session = signIn(registrar.getUsername(), TestData.PASSWORD);

        assertThat(mvc.perform(get("/patrons/" + patron).with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql(
                                """
                SELECT outcome FROM audit_event
                WHERE actor = :actor AND action = 'ACCESS_DENIED' AND target_type = 'PATRON' AND target_id = :patron""")
                        .param("actor", registrar.getUsername())
                        .param("patron", patron.toString())
                        .query(String.class)
                        .list())
                .containsExactly("DENIED");
    }
}
