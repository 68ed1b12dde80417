package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.StaffPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches kept for a while, so that the results page is a GET the browser's Back button returns to
 * ({@code kept_search}). What is kept is the result: the patrons found, in order, and for a search by identity code
 * the code masked; never the code itself. Showing a kept search again runs no search and audits nothing, but asks
 * again whether the user may open each patron. Only the staff account that searched reads a kept search.
 * <p>
 * Not JPA: short-lived rows written once and read whole, and deleted set-wise (expired ones, and every row naming
 * an erased patron).
 */
@Service
public class KeptSearches {

    /** How long a kept search can be shown again. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    /** A date part with a century sign and an individual number, typed right or wrong: never kept as text. */
    private static final Pattern CODE_LIKE = Pattern.compile("[0-9]{6}\\s*[-+A-Za-z]\\s*[0-9]{3}");

    private final PatronRecords records;
    private final PatronRepository patrons;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeptSearches(PatronRecords records, PatronRepository patrons, JdbcClient jdbc, Clock clock) {
        this.records = records;
        this.patrons = patrons;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A search as made: its key when kept (null when the query could not be used) and its result. */
    public record Kept(UUID key, PatronSearch result) {}

    /**
     * A kept search shown again.
     *
     * @param query the query to show in the search box again, or null (a search by identity code)
     */
    public record Shown(UUID key, PatronSearch result, String query, UUID organisationFilter) {}

    /**
     * Runs the search ({@link PatronRecords#search}) and keeps its result for {@link #LIFETIME}; expired kept searches
     * of everyone are deleted on the way. A registrar who found by identity code an active patron of another
     * organisation gets a single-use take-over grant kept with the result.
     */
    @Transactional
    public Kept search(StaffPrincipal user, String query, UUID organisationFilter, int page) {
        PatronSearch result = records.search(user, query, organisationFilter, page);
        if (result.problem() != null) {
            return new Kept(null, result);
        }
        Instant now = Instant.now(clock);
        jdbc.sql("DELETE FROM kept_search WHERE expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
        UUID key = UUID.randomUUID();
        String text = query.strip();
        jdbc.sql(
                        """
                INSERT INTO kept_search (id, staff_account_id, query_text, masked_code, organisation_filter, page,
                    has_next, registered_elsewhere, created_at, expires_at)
                VALUES (:id, :owner, :query, :masked, :filter, :page, :hasNext, :elsewhere, :now, :expires)""")
                .param("id", key)
                .param("owner", user.id())
                .param(
                        "query",
                        result.identityCodeQuery() || CODE_LIKE.matcher(text).find() ? null : text)
                .param("masked", result.maskedCode())
                .param("filter", user.isServiceStaff() ? organisationFilter : null)
                .param("page", result.page())
                .param("hasNext", result.hasNext())
                .param("elsewhere", result.elsewhereId())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
        if (!result.patrons().isEmpty()) {
            jdbc.sql(
                            """
                    INSERT INTO kept_search_patron (kept_search_id, position, patron_id)
                    SELECT :id, t.position - 1, t.patron_id
                    FROM unnest(CAST(:ids AS uuid[])) WITH ORDINALITY AS t(patron_id, position)""")
                    .param("id", key)
                    .param(
                            "ids",
                            result.patrons().stream()
                                    .map(p -> p.id().toString())
                                    .collect(Collectors.joining(",", "{", "}")))
                    .update();
        }
        RegisteredElsewhere elsewhere = result.registeredElsewhere();
        if (elsewhere != null && elsewhere.transferId() != null && !user.isServiceStaff()) {
            jdbc.sql(
                            """
                    INSERT INTO takeover_grant (id, kept_search_id, patron_id, staff_account_id, expires_at)
                    VALUES (:id, :search, :patron, :owner, :expires)""")
                    .param("id", UUID.randomUUID())
                    .param("search", key)
                    .param("patron", elsewhere.transferId())
                    .param("owner", user.id())
                    .param("expires", Timestamp.from(now.plus(LIFETIME)))
                    .update();
        }
        return new Kept(key, result);
    }

    /**
     * The kept search again, the patrons the user may no longer open (moved to an organisation the user does not
     * see, erased) left out and counted; empty when it has expired or never was.
     *
     * @throws NotFoundException when another staff account's search has that key
     */
    @Transactional(readOnly = true)
    public Optional<Shown> show(StaffPrincipal user, UUID key) {
        Optional<Map<String, Object>> found =
                jdbc.sql("SELECT * FROM kept_search WHERE id = :id").param("id", key).query().listOfRows().stream()
                        .findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = found.get();
        if (!user.id().equals(row.get("staff_account_id"))) {
            throw new NotFoundException();
        }
        Instant now = Instant.now(clock);
        if (!((Timestamp) row.get("expires_at")).toInstant().isAfter(now)) {
            return Optional.empty();
        }
        UUID filter = (UUID) row.get("organisation_filter");
        UUID scope = user.isServiceStaff() ? filter : user.organisationId();
        List<UUID> ids = jdbc.sql(
                        "SELECT patron_id FROM kept_search_patron WHERE kept_search_id = :id ORDER BY position")
                .param("id", key)
                .query(UUID.class)
                .list();
        UUID elsewhereId = (UUID) row.get("registered_elsewhere");
        List<UUID> wanted = new ArrayList<>(ids);
        if (elsewhereId != null) {
            wanted.add(elsewhereId);
        }
        Map<UUID, Patron> byId = patrons.findAllByIdIn(wanted.toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(Patron::id, Function.identity()));
        List<Patron> shown = new ArrayList<>();
        int unavailable = 0;
        for (UUID id : ids) {
            Patron patron = byId.get(id);
            if (patron != null && !patron.erased() && PatronRecords.visible(user, scope, patron)) {
                shown.add(patron);
            } else {
                unavailable++;
            }
        }
        RegisteredElsewhere elsewhere = null;
        UUID grant = null;
        if (elsewhereId != null) {
            Patron patron = byId.get(elsewhereId);
            if (patron == null || patron.erased()) {
                unavailable++;
            } else if (PatronRecords.visible(user, scope, patron)) {
                shown.add(patron); // taken over since: the user's own patron now
            } else {
                elsewhere = records.facts(user, patron);
                if (elsewhere.transferId() != null) {
                    grant = jdbc.sql(
                                    """
                            SELECT id FROM takeover_grant WHERE kept_search_id = :search AND staff_account_id = :owner
                                AND used_at IS NULL AND expires_at > :now""")
                            .param("search", key)
                            .param("owner", user.id())
                            .param("now", Timestamp.from(now))
                            .query(UUID.class)
                            .optional()
                            .orElse(null);
                }
            }
        }
        var result = new PatronSearch(
                shown,
                elsewhere,
                (Integer) row.get("page"),
                (Boolean) row.get("has_next"),
                null,
                (String) row.get("masked_code"),
                elsewhereId,
                grant,
                unavailable);
        return Optional.of(new Shown(key, result, (String) row.get("query_text"), filter));
    }

    /** The user's latest kept search that has not expired, for the patron page's way back to the results. */
    @Transactional(readOnly = true)
    public Optional<UUID> latest(StaffPrincipal user) {
        return jdbc.sql(
                        """
                SELECT id FROM kept_search WHERE staff_account_id = :owner AND expires_at > :now
                ORDER BY created_at DESC LIMIT 1""")
                .param("owner", user.id())
                .param("now", Timestamp.from(Instant.now(clock)))
                .query(UUID.class)
                .optional();
    }

    /** The kept search an unused take-over grant of the user for the patron belongs to; empty for any other grant. */
    @Transactional(readOnly = true)
    public Optional<UUID> searchOfGrant(StaffPrincipal user, UUID grant, UUID patronId) {
        return jdbc.sql(
                        """
                SELECT kept_search_id FROM takeover_grant WHERE id = :grant AND patron_id = :patron
                    AND staff_account_id = :owner AND used_at IS NULL AND expires_at > :now""")
                .param("grant", grant)
                .param("patron", patronId)
                .param("owner", user.id())
                .param("now", Timestamp.from(Instant.now(clock)))
                .query(UUID.class)
                .optional();
    }

    /**
     * Uses up a take-over grant: true once for an unused, unexpired grant of this user for this patron, false for
     * any other. Part of the caller's transaction, so a take-over that fails leaves the grant unused.
     */
    @Transactional
    boolean useGrant(StaffPrincipal user, UUID grant, UUID patronId) {
        if (grant == null) {
            return false;
        }
        Instant now = Instant.now(clock);
        return jdbc.sql(
                                """
                        UPDATE takeover_grant SET used_at = :now WHERE id = :grant AND patron_id = :patron
                            AND staff_account_id = :owner AND used_at IS NULL AND expires_at > :now""")
                        .param("now", Timestamp.from(now))
                        .param("grant", grant)
                        .param("patron", patronId)
                        .param("owner", user.id())
                        .update()
                == 1;
    }

    /**
     * Forgets an erased patron: every kept search that found the patron goes, as its query may be the patron's
     * name or identity code.
     */
    @Transactional
    void forget(UUID patronId) {
        jdbc.sql(
                        """
                DELETE FROM kept_search WHERE registered_elsewhere = :patron
                    OR id IN (SELECT kept_search_id FROM kept_search_patron WHERE patron_id = :patron)""")
                .param("patron", patronId)
                .update();
        jdbc.sql("DELETE FROM kept_search_patron WHERE patron_id = :patron")
                .param("patron", patronId)
                .update();
        jdbc.sql("DELETE FROM takeover_grant WHERE patron_id = :patron")
                .param("patron", patronId)
                .update();
    }
}
