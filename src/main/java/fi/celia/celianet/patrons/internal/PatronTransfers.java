package fi.celia.celianet.patrons.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transfers between organisations, kept so that the organisation a patron left sees where the patron went. Not
 * JPA: an append-only log read by organisation, beside the patron aggregate's own history (which keeps names).
 */
@Component
class PatronTransfers {

    private final JdbcClient jdbc;

    PatronTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One transfer. */
    record Transfer(
            UUID patronId,
            String patronNumber,
            String patronName,
            UUID from,
            UUID to,
            Instant at,
            boolean patronTold) {}

    void record(UUID patronId, UUID from, UUID to, Instant at, boolean patronTold) {
        jdbc.sql(
                        """
                INSERT INTO patron_transfer (patron_id, from_organisation, to_organisation, transferred_at, patron_told)
                VALUES (:patron, :from, :to, :at, :told)""")
                .param("patron", patronId)
                .param("from", from)
                .param("to", to)
                .param("at", Timestamp.from(at))
                .param("told", patronTold)
                .update();
    }

    Optional<Transfer> latest(UUID patronId) {
        return jdbc.sql(SELECT + " WHERE t.patron_id = :patron ORDER BY t.transferred_at DESC, t.id DESC LIMIT 1")
                .param("patron", patronId)
                .query(PatronTransfers::transfer)
                .optional();
    }

    /** The organisation's patrons moved elsewhere since a moment, newest first. */
    List<Transfer> awayFrom(UUID organisationId, Instant since, int limit) {
        return jdbc.sql(SELECT
                        + " WHERE t.from_organisation = :organisation AND t.transferred_at >= :since"
                        + " ORDER BY t.transferred_at DESC, t.id DESC LIMIT :limit")
                .param("organisation", organisationId)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(PatronTransfers::transfer)
                .list();
    }

    private static final String SELECT =
            """
            SELECT t.patron_id, p.patron_number, p.first_name || ' ' || p.last_name AS name, t.from_organisation,
                t.to_organisation, t.transferred_at, t.patron_told
            FROM patron_transfer t JOIN patron p ON p.id = t.patron_id""";

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(
                rs.getObject("patron_id", UUID.class),
                rs.getString("patron_number"),
                rs.getString("name"),
                rs.getObject("from_organisation", UUID.class),
                rs.getObject("to_organisation", UUID.class),
                rs.getTimestamp("transferred_at").toInstant(),
                rs.getBoolean("patron_told"));
    }
}
