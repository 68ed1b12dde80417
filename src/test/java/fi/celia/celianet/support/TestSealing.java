package fi.celia.celianet.support;

import fi.celia.celianet.sealing.DataKeys;
import fi.celia.celianet.sealing.DataSealing;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tests' side of sealed identity codes, under the same fixed test keys the application under test uses
 * ({@link DataKeys#TEST_KEYS}): the blind index a test looks a code up by, and the code a row holds, opened.
 */
public final class TestSealing {

    public static final DataSealing SEALING = DataSealing.with(DataKeys.parse(DataKeys.TEST_KEYS));

    private TestSealing() {}

    /** The blind index of an identity code as the registration stores it (upper case). */
    public static byte[] index(String identityCode) {
        return SEALING.index(identityCode.toUpperCase(Locale.ROOT)).value();
    }

    /** The identity code of the patron, opened; null when the row has none. */
    public static String identityCode(JdbcClient jdbc, UUID patronId) {
        return jdbc.sql("SELECT identity_code_key, identity_code_sealed FROM patron WHERE id = :id")
                .param("id", patronId)
                .query((rs, n) -> rs.getBytes(2) == null
                        ? null
                        : SEALING.open(new DataSealing.Sealed(rs.getString(1), rs.getBytes(2)), patronId))
                .single();
    }
}
