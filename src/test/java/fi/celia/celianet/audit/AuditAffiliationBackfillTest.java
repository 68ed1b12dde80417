package fi.celia.celianet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.ThrowawayDatabase;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records written before whom an actor acted for was kept get it from the staff account of the same user name as it
 * is now: a registrar their organisation, service staff the service; an applicant or a patron none. The migration
 * runs on a database of its own, filled as it stood before.
 */
class AuditAffiliationBackfillTest extends IntegrationTest {

    @Test
    void olderRecordsTakeTheAffiliationOfTheStaffAccountOfTheSameName() {
        ThrowawayDatabase.with(jdbc, "backfill", dataSource -> {
            Flyway.configure().dataSource(dataSource).target("12").load().migrate();
            var old = JdbcClient.create(dataSource);
            UUID library = UUID.randomUUID();
            UUID patron = UUID.randomUUID();
            old.sql(
                            """
                    INSERT INTO organisation (id, customer_number, name, type, created_at, updated_at)
                    VALUES (:id, 'A100001', 'Old Library', 'LIBRARY', now(), now())""")
                    .param("id", library)
                    .update();
            old.sql(
                            """
                    INSERT INTO staff_account (id, username, display_name, email, role, organisation_id, created_at,
                        updated_at)
                    VALUES (gen_random_uuid(), 'old-registrar', 'Old Registrar', 'r@example.fi', 'REGISTRAR', :org,
                        now(), now()),
                        (gen_random_uuid(), 'old-staff', 'Old Staff', 's@example.fi', 'STAFF', NULL, now(), now())""")
                    .param("org", library)
                    .update();
            old.sql(
                            """
                    INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, outcome)
                    VALUES (now(), 'old-registrar', 'PATRON_REGISTERED', 'PATRON', :p, 'SUCCESS'),
                        (now(), 'old-staff', 'PATRON_CHANGED', 'PATRON', :p, 'SUCCESS'),
                        (now(), 'applicant', 'INSTITUTION_APPLICATION_SUBMITTED', NULL, NULL, 'SUCCESS'),
                        (now(), 'old-registrar', 'SIGN_IN', 'STAFF_ACCOUNT', NULL, 'FAILURE')""")
                    .param("p", patron.toString())
                    .update();

            Flyway.configure().dataSource(dataSource).load().migrate();

            assertThat(old.sql(
                                    """
                    SELECT actor || ' ' || action || ' ' || coalesce(actor_organisation_id::text, '-') || ' '
                        || actor_service FROM audit_event ORDER BY id""")
                            .query(String.class)
                            .list())
                    .containsExactly(
                            "old-registrar PATRON_REGISTERED " + library + " false",
                            "old-staff PATRON_CHANGED - true",
                            "applicant INSTITUTION_APPLICATION_SUBMITTED - false",
                            "old-registrar SIGN_IN - false");
        });
    }
}
