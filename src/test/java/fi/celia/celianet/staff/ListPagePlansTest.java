package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queries of the lists of organisations and of staff accounts, explained over tables of national size (20,000
 * organisations and 20,000 accounts more, in a transaction rolled back after): the first page, the next, the
 * previous, and a search for a rare and for a common part of a name each read an index, never the table through.
 * (A search of one or two characters has no trigram to look for; it reads the table or walks the order's index.)
 */
class ListPagePlansTest extends IntegrationTest {

    private static final String ORGANISATION_SEARCH =
            "(name ILIKE '%%%1$s%%' OR customer_number ILIKE '%%%1$s%%' OR business_id ILIKE '%%%1$s%%'"
                    + " OR city ILIKE '%%%1$s%%')";
    private static final String ACCOUNT_SEARCH = "(username ILIKE '%%%1$s%%' OR display_name ILIKE '%%%1$s%%')";

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyPageAndSearchReadsAnIndexAtNationalSize() {
        Map<String, String> plans = transactions.execute(status -> {
            jdbc.sql(
                            """
                    INSERT INTO organisation (id, customer_number, name, type, business_id, city, language, active,
                        created_at, updated_at)
                    SELECT gen_random_uuid(), 'PLAN' || g,
                        (ARRAY['Helsingin', 'Tampereen', 'Oulun', 'Turun', 'Vaasan', 'Kuopion', 'Porin', 'Lahden'])[1 + g % 8]
                            || ' ' || (ARRAY['kaupunginkirjasto', 'koulu', 'palvelutalo', 'lukio', 'kirjasto',
                                'hoivakoti'])[1 + (g / 8) % 6] || ' ' || g,
                        'SCHOOL', lpad((g * 7)::text, 7, '0') || '-' || (g % 10),
                        (ARRAY['Helsinki', 'Tampere', 'Oulu', 'Turku', 'Vaasa'])[1 + g % 5], 'fi', true, now(), now()
                    FROM generate_series(1, 20000) g""")
                    .update();
            jdbc.sql(
                            """
                    INSERT INTO staff_account (id, username, display_name, email, language, role, active, created_at,
                        updated_at)
                    SELECT gen_random_uuid(), 'plan' || g || '.' || (ARRAY['virtanen', 'korhonen', 'nieminen',
                            'makinen', 'hamalainen'])[1 + g % 5],
                        (ARRAY['Anna', 'Mikko', 'Liisa', 'Juha', 'Sanna'])[1 + g % 5] || ' '
                            || (ARRAY['Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Hämäläinen'])[1 + (g / 5) % 5]
                            || ' ' || g,
                        'plan' || g || '@example.fi', 'fi', 'STAFF', true, now(), now()
                    FROM generate_series(1, 20000) g""")
                    .update();
            // as the database is between bulk loads: the trigram indexes' pending entries merged (as autovacuum does)
            for (String index : new String[] {
                "organisation_name_trgm_ix",
                "organisation_customer_number_trgm_ix",
                "organisation_business_id_trgm_ix",
                "organisation_city_trgm_ix",
                "staff_account_username_trgm_ix",
                "staff_account_display_name_trgm_ix"
            }) {
                jdbc.sql("SELECT gin_clean_pending_list(:index::regclass)")
                        .param("index", index)
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("ANALYZE organisation").update();
            jdbc.sql("ANALYZE staff_account").update();
            Map<String, String> explained = new LinkedHashMap<>();
            String organisations = "SELECT * FROM organisation";
            String byName = " ORDER BY lower(name), id LIMIT 51";
            String after = " lower(name) >= 'oulun' AND (lower(name) > 'oulun' OR id > gen_random_uuid())";
            String before = " lower(name) <= 'oulun' AND (lower(name) < 'oulun' OR id < gen_random_uuid())";
            explained.put("organisations", organisations + byName);
            explained.put("organisations after", organisations + " WHERE" + after + byName);
            explained.put(
                    "organisations before",
                    organisations + " WHERE" + before + " ORDER BY lower(name) DESC, id DESC LIMIT 51");
            explained.put(
                    "organisations, rare",
                    organisations + " WHERE " + ORGANISATION_SEARCH.formatted("lukio 12") + byName);
            explained.put(
                    "organisations, a customer number",
                    organisations + " WHERE " + ORGANISATION_SEARCH.formatted("PLAN1234") + byName);
            explained.put(
                    "organisations, common, after",
                    organisations + " WHERE " + ORGANISATION_SEARCH.formatted("kirjasto") + " AND" + after + byName);
            String accounts = "SELECT * FROM staff_account";
            String byUsername = " ORDER BY username, id LIMIT 51";
            explained.put("accounts", accounts + byUsername);
            explained.put(
                    "accounts after",
                    accounts + " WHERE username >= 'plan5' AND (username > 'plan5' OR id > gen_random_uuid())"
                            + byUsername);
            explained.put(
                    "accounts before",
                    accounts + " WHERE username <= 'plan5' AND (username < 'plan5' OR id < gen_random_uuid())"
                            + " ORDER BY username DESC, id DESC LIMIT 51");
            explained.put(
                    "accounts, rare name", accounts + " WHERE " + ACCOUNT_SEARCH.formatted("mäkinen 12") + byUsername);
            explained.put(
                    "accounts, a user name", accounts + " WHERE " + ACCOUNT_SEARCH.formatted("plan123") + byUsername);
            explained.put("accounts, common", accounts + " WHERE " + ACCOUNT_SEARCH.formatted("korhonen") + byUsername);
            explained.replaceAll((what, sql) -> String.join(
                    "\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list()));
            status.setRollbackOnly();
            return explained;
        });
        plans.forEach((what, plan) -> assertThat(plan).as(what).doesNotContain("Seq Scan"));
        assertThat(plans.get("organisations"))
                .contains("organisation_name_id_ix")
                .doesNotContain("Sort");
        assertThat(plans.get("organisations after"))
                .contains("organisation_name_id_ix")
                .doesNotContain("Sort");
        assertThat(plans.get("organisations before"))
                .contains("organisation_name_id_ix")
                .doesNotContain("Sort");
        assertThat(plans.get("organisations, rare")).contains("organisation_name_trgm_ix");
        assertThat(plans.get("organisations, a customer number")).contains("organisation_customer_number_trgm_ix");
        assertThat(plans.get("accounts")).contains("staff_account_username_uk");
        assertThat(plans.get("accounts, rare name")).contains("staff_account_display_name_trgm_ix");
        assertThat(plans.get("accounts, a user name")).contains("staff_account_username_trgm_ix");
    }
}
