package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.DatabaseScan;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Identity codes are sealed at rest: after registrations through the real form, no column of any table holds a
 * registered code in any spelling, nor does a {@code pg_dump} of the database; the codes are still found by exact
 * search, through their blind index.
 */
class IdentityCodeSealingTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void registeredIdentityCodesAreInNoColumnOfAnyTableNorInADumpAndAreStillFoundByExactSearch() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        List<String> codes = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = PatronFixtures.newCode();
            var saved = mvc.perform(post("/patrons")
                            .with(registrar)
                            .params(PatronFixtures.form(
                                    UUID.randomUUID().toString(),
                                    code.toLowerCase(Locale.ROOT),
                                    TestData.unique("sealed") + "@example.fi")))
                    .andReturn()
                    .getResponse();
            assertThat(saved.getStatus()).isEqualTo(303);
            codes.add(code);
            ids.add(UUID.fromString(saved.getRedirectedUrl().substring("/patrons/".length())));
        }

        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            UUID id = ids.get(i);
            // found by exact search, in either case, as before
            assertThat(PatronFixtures.search(mvc, registrar, code, null)).contains("/patrons/" + id);
            assertThat(PatronFixtures.search(mvc, registrar, code.toLowerCase(Locale.ROOT), null))
                    .contains("/patrons/" + id);
            // the row: the sealed code (12-byte nonce, the 11 bytes sealed, a 16-byte tag) under the test key, and
            // its blind index
            var row = jdbc.sql(
                            """
                    SELECT octet_length(identity_code_sealed) AS sealed_length, identity_code_key,
                        identity_code_index, identity_code_index_key FROM patron WHERE id = :id""")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(row.get("sealed_length")).isEqualTo(12 + 11 + 16);
            assertThat(row.get("identity_code_key")).isEqualTo("test");
            assertThat(row.get("identity_code_index_key")).isEqualTo("test");
            assertThat((byte[]) row.get("identity_code_index")).isEqualTo(TestSealing.index(code));
            assertThat(TestSealing.identityCode(jdbc, id)).isEqualTo(code);
        }

        Set<String> spellings = new LinkedHashSet<>();
        for (String code : codes) {
            spellings.add(code);
            spellings.add(code.toLowerCase(Locale.ROOT));
            spellings.add(code.substring(0, 6) + code.substring(7));
            spellings.add(code.substring(0, 6) + code.substring(7).toLowerCase(Locale.ROOT));
        }
        assertThat(DatabaseScan.whereFound(jdbc, spellings))
                .as("columns holding a registered identity code")
                .isEmpty();

        String dump = DatabaseScan.dump(context, jdbc);
        assertThat(dump).contains("COPY public.patron ");
        for (UUID id : ids) {
            assertThat(dump).contains(id.toString());
        }
        for (String spelling : spellings) {
            assertThat(dump).doesNotContainIgnoringCase(spelling);
            // as bytea would show it
            assertThat(dump).doesNotContain(HexFormat.of().formatHex(spelling.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
