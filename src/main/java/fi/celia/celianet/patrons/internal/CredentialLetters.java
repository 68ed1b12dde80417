package fi.celia.celianet.patrons.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credentials letters: requested, printed, posted. Not JPA: a request is an idempotent {@code INSERT … ON
 * CONFLICT DO NOTHING} against the one-waiting-letter-per-patron index, and printing claims the waiting letters
 * with {@code FOR UPDATE SKIP LOCKED}, so two printers (or two instances) never print the same letter.
 */
@Component
class CredentialLetters {

    static final String LETTER = "LETTER";
    static final String IN_PERSON = "IN_PERSON";

    private static final String COLUMNS =
            "l.id, l.patron_id, l.kind, l.requested_at, l.printed_at, l.posted_at, p.organisation_id";

    private final JdbcClient jdbc;

    CredentialLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One letter; {@code printedAt} and {@code postedAt} null until then. */
    record Letter(
            UUID id,
            UUID patronId,
            String kind,
            Instant requestedAt,
            Instant printedAt,
            Instant postedAt,
            UUID organisationId) {}

    /** @return false when a letter of the patron already waits (this request then adds nothing) */
    boolean request(UUID patronId, String kind, String actor, Instant now) {
        return jdbc.sql(
                                """
                INSERT INTO credential_letter (id, patron_id, kind, requested_at, requested_by)
                VALUES (:id, :patron, :kind, :now, :actor)
                ON CONFLICT (patron_id) WHERE printed_at IS NULL DO NOTHING""")
                        .param("id", UUID.randomUUID())
                        .param("patron", patronId)
                        .param("kind", kind)
                        .param("now", Timestamp.from(now))
                        .param("actor", actor)
                        .update()
                == 1;
    }

    /** A letter printed at once (handed over in person), with any letter that waited for the patron. */
    void printedNow(UUID patronId, String kind, String actor, Instant now) {
        jdbc.sql("DELETE FROM credential_letter WHERE patron_id = :patron AND printed_at IS NULL")
                .param("patron", patronId)
                .update();
        jdbc.sql(
                        """
                INSERT INTO credential_letter (id, patron_id, kind, requested_at, requested_by, printed_at, printed_by)
                VALUES (:id, :patron, :kind, :now, :actor, :now, :actor)""")
                .param("id", UUID.randomUUID())
                .param("patron", patronId)
                .param("kind", kind)
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .update();
    }

    Optional<Letter> latest(UUID patronId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM credential_letter l JOIN patron p ON p.id = l.patron_id WHERE l.patron_id = :patron"
                        + " ORDER BY l.requested_at DESC, l.printed_at DESC NULLS FIRST LIMIT 1")
                .param("patron", patronId)
                .query(CredentialLetters::letter)
                .optional();
    }

    /** The newest letter of each of the patrons, in one query; a patron with no letter has no entry. */
    Map<UUID, Letter> latest(Collection<UUID> patronIds) {
        if (patronIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT DISTINCT ON (l.patron_id) " + COLUMNS
                        + " FROM credential_letter l JOIN patron p ON p.id = l.patron_id WHERE l.patron_id IN (:patrons)"
                        + " ORDER BY l.patron_id, l.requested_at DESC, l.printed_at DESC NULLS FIRST")
                .param("patrons", patronIds)
                .query(CredentialLetters::letter)
                .list()
                .stream()
                .collect(Collectors.toMap(Letter::patronId, Function.identity()));
    }

    /** The waiting letters of active patrons: of one organisation, or of all when {@code organisationId} is null. */
    List<Letter> waiting(UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential_letter l JOIN patron p ON p.id = l.patron_id"
                        + " WHERE l.printed_at IS NULL AND p.status = 'ACTIVE'"
                        + " AND (CAST(:organisation AS uuid) IS NULL OR p.organisation_id = :organisation)"
                        + " ORDER BY l.requested_at, l.id")
                .param("organisation", organisationId)
                .query(CredentialLetters::letter)
                .list();
    }

    /** The printed letters not yet posted, newest first. */
    List<Letter> unposted(UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential_letter l JOIN patron p ON p.id = l.patron_id"
                        + " WHERE l.kind = 'LETTER' AND l.printed_at IS NOT NULL AND l.posted_at IS NULL"
                        + " AND p.status = 'ACTIVE'"
                        + " AND (CAST(:organisation AS uuid) IS NULL OR p.organisation_id = :organisation)"
                        + " ORDER BY l.printed_at DESC, l.id LIMIT 500")
                .param("organisation", organisationId)
                .query(CredentialLetters::letter)
                .list();
    }

    /**
     * Claims the waiting letters for printing and marks them printed, in the caller's transaction: a letter
     * another transaction is printing is skipped, not waited for, and never printed twice.
     */
    List<Letter> claimWaiting(UUID organisationId, String actor, Instant now) {
        List<Letter> claimed = jdbc.sql("SELECT " + COLUMNS
                        + " FROM credential_letter l JOIN patron p ON p.id = l.patron_id"
                        + " WHERE l.printed_at IS NULL AND p.status = 'ACTIVE'"
                        + " AND (CAST(:organisation AS uuid) IS NULL OR p.organisation_id = :organisation)"
                        + " ORDER BY l.requested_at, l.id FOR UPDATE OF l SKIP LOCKED")
                .param("organisation", organisationId)
                .query(CredentialLetters::letter)
                .list();
        if (!claimed.isEmpty()) {
            jdbc.sql("UPDATE credential_letter SET printed_at = :now, printed_by = :actor WHERE id IN (:ids)")
                    .param("now", Timestamp.from(now))
                    .param("actor", actor)
                    .param("ids", claimed.stream().map(Letter::id).toList())
                    .update();
        }
        return claimed;
    }

    /** @return the letter, now marked posted; empty when it is unknown, not printed or already posted */
    Optional<Letter> markPosted(UUID letterId, String actor, Instant now) {
        int updated = jdbc.sql(
                        """
                UPDATE credential_letter SET posted_at = :now, posted_by = :actor
                WHERE id = :id AND printed_at IS NOT NULL AND posted_at IS NULL""")
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .param("id", letterId)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM credential_letter l JOIN patron p ON p.id = l.patron_id WHERE l.id = :id")
                .param("id", letterId)
                .query(CredentialLetters::letter)
                .optional();
    }

    /** The organisation a letter's patron belongs to now; empty for an unknown letter. */
    Optional<UUID> organisationOf(UUID letterId) {
        return jdbc.sql("SELECT p.organisation_id FROM credential_letter l JOIN patron p ON p.id = l.patron_id"
                        + " WHERE l.id = :id")
                .param("id", letterId)
                .query(UUID.class)
                .optional();
    }

    private static Letter letter(ResultSet rs, int row) throws SQLException {
        return new Letter(
                rs.getObject("id", UUID.class),
                rs.getObject("patron_id", UUID.class),
                rs.getString("kind"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("printed_at")),
                instant(rs.getTimestamp("posted_at")),
                rs.getObject("organisation_id", UUID.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
