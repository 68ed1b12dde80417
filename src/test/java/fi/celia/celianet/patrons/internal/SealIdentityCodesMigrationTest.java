package fi.celia.celianet.patrons.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.celia.celianet.patrons.PatronFixtures;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestSealing;
import fi.celia.celianet.support.ThrowawayDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database whose patrons were registered before identity codes were sealed: the start seals every code in batches
 * (V18.1) and then drops the clear column (V19), which refuses while a code is still in clear. Each case runs on a
 * database of its own, filled as it stood before.
 */
class SealIdentityCodesMigrationTest extends IntegrationTest {

    @Test
    void theStartSealsEveryClearCodeInBatchesAndThenDropsTheClearColumn() {
        ThrowawayDatabase.with(jdbc, "sealing", dataSource -> {
            Flyway.configure().dataSource(dataSource).target("17").load().migrate();
            var old = JdbcClient.create(dataSource);
            // more than one batch
            Map<UUID, String> codes = registerInClear(old, SealIdentityCodesMigration.BATCH + 7);

            Flyway.configure()
                    .dataSource(dataSource)
                    .javaMigrations(new SealIdentityCodesMigration(TestSealing.SEALING))
                    .load()
                    .migrate();

            assertThat(old.sql(
                                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'patron' AND column_name = 'identity_code'")
                            .query(Integer.class)
                            .single())
                    .as("the clear column")
                    .isZero();
            assertThat(old.sql("SELECT DISTINCT identity_code_key || '/' || identity_code_index_key FROM patron")
                            .query(String.class)
                            .list())
                    .containsExactly("test/test");
            codes.forEach((id, code) -> {
                assertThat(TestSealing.identityCode(old, id)).isEqualTo(code);
                assertThat(old.sql("SELECT identity_code_index FROM patron WHERE id = :id")
                                .param("id", id)
                                .query(byte[].class)
                                .single())
                        .isEqualTo(TestSealing.index(code));
            });
        });
    }

    @Test
    void theClearColumnIsNotDroppedWhileACodeIsStillInIt() {
        ThrowawayDatabase.with(jdbc, "sealing", dataSource -> {
            // up to V18: the sealed columns are there, but nothing has sealed the codes
            Flyway.configure().dataSource(dataSource).target("18").load().migrate();
            var old = JdbcClient.create(dataSource);
            registerInClear(old, 2);

            assertThatThrownBy(() -> Flyway.configure()
                            .dataSource(dataSource)
                            .target("19")
                            .load()
                            .migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("V19: 2 patron identity codes are still in clear, which V18.1 seals");
            assertThat(old.sql("SELECT count(identity_code) FROM patron")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
        });
    }

    private static Map<UUID, String> registerInClear(JdbcClient old, int count) {
        UUID library = UUID.randomUUID();
        UUID registrar = UUID.randomUUID();
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
                VALUES (:id, 'old-registrar', 'Old Registrar', 'r@example.fi', 'REGISTRAR', :org, now(), now())""")
                .param("id", registrar)
                .param("org", library)
                .update();
        Map<UUID, String> codes = new LinkedHashMap<>();
        while (codes.size() < count) {
            String code = PatronFixtures.newCode();
            if (codes.containsValue(code)) {
                continue;
            }
            UUID id = UUID.randomUUID();
            old.sql(
                            """
                    INSERT INTO patron (id, patron_number, identity_code, birth_date, first_name, last_name,
                        search_name, language, channel, eligibility, service_online, service_cd_clubs, consent,
                        credentials_by, organisation_id, registered_by, registered_by_name, registered_at, updated_at)
                    VALUES (:id, 'C' || lpad(nextval('patron_number_seq')::text, 7, '0'), :code, DATE '1950-01-01',
                        'Old', 'Patron', 'old patron', 'fi', 'IN_PERSON', 'VISUAL', true, false, true, 'EMAIL', :org,
                        :registrar, 'Old Registrar', now(), now())""")
                    .param("id", id)
                    .param("code", code)
                    .param("org", library)
                    .param("registrar", registrar)
                    .update();
            codes.put(id, code);
        }
        return codes;
    }
}
