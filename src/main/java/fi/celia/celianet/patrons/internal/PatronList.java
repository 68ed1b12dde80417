package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.shared.CountCache;
import fi.celia.celianet.shared.Counted;
import fi.celia.celianet.staff.StaffPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation's patrons as a list: filtered, counted, sorted and paged, or exported whole. Registrars and main
 * users list their own organisation's patrons, service staff any organisation's ({@link StaffPrincipal#mayActFor}).
 * Every page shown and every export is audited with its filters and its count, never its contents.
 *
 * <p>JdbcClient, not JPA: the list is a set-wise read over tens of thousands of rows of one organisation, filtered,
 * counted, sorted and paged in the database; the credentials state is derived in SQL ({@link #CREDENTIALS_STATE}, the
 * same rules as {@link CredentialsStates}), so that a filter on it counts and pages like any other; and the export
 * streams the same query through a cursor (a fetch size inside a read-only transaction) instead of loading entities.
 */
@Service
public class PatronList {

    public static final int PAGE_SIZE = 50;
    static final int FETCH_SIZE = 500;

    /**
     * The newest credentials mail ({@code m}) and the newest letter ({@code l}) of each patron {@code p}, as
     * {@link PatronCredentials#statuses} reads them.
     */
    static final String CREDENTIALS_JOINS = " LEFT JOIN LATERAL (" + Mailbox.newestAboutSql("p.id")
            + ") m ON true"
            + " LEFT JOIN LATERAL (SELECT l.requested_at, l.printed_at, l.posted_at FROM credential_letter l"
            + " WHERE l.patron_id = p.id ORDER BY l.requested_at DESC, l.printed_at DESC NULLS FIRST LIMIT 1) l ON true"
            + " CROSS JOIN LATERAL (SELECT greatest(m.created_at, l.requested_at, p.phone_code_given_at) AS newest) n";

    /**
     * {@link CredentialsStates#of} in SQL over the same columns: a set password wins; otherwise the newest of the
     * credentials mail, the newest letter and the phone code decides (the code on a tie, then the letter); with none
     * of them, the way the credentials go. PostgreSQL's {@code greatest} ignores nulls as the Java {@code max} does.
     * {@code PatronListCredentialsStateTest} holds the two to the same answers.
     */
    static final String CREDENTIALS_STATE =
            """
            CASE
              WHEN p.password_hash IS NOT NULL THEN 'ACTIVATED'
              WHEN n.newest IS NULL THEN CASE
                WHEN p.credentials_by IN ('LETTER', 'IN_PERSON') THEN 'LETTER_WAITING'
                WHEN p.credentials_by = 'PHONE' THEN 'QUEUED'
                WHEN p.status = 'ACTIVE' AND p.credentials_by = 'EMAIL' AND (CASE p.credentials_to
                    WHEN 'CONTACT' THEN p.contact_email WHEN 'GUARDIAN' THEN p.guardian_email ELSE p.email END)
                    IS NOT NULL THEN 'QUEUED'
                ELSE 'NONE' END
              WHEN n.newest = p.phone_code_given_at THEN 'CODE_GIVEN'
              WHEN n.newest = l.requested_at THEN CASE
                WHEN l.posted_at IS NOT NULL THEN 'LETTER_POSTED'
                WHEN l.printed_at IS NOT NULL THEN 'LETTER_PRINTED'
                ELSE 'LETTER_WAITING' END
              WHEN m.state = 'SENT' THEN 'SENT'
              WHEN (m.state = 'SENDING' AND m.attempts > 1) OR (m.state <> 'SENDING' AND m.attempts > 0) THEN 'FAILED'
              ELSE 'QUEUED'
            END""";

    private static final String COLUMNS = "p.id, p.patron_number, p.first_name, p.last_name, p.registered_at,"
            + " p.status, p.service_online, p.service_cd_clubs, " + CREDENTIALS_STATE + " AS credentials_state";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;
    private final CountCache counts;

    PatronList(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions, CountCache counts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.counts = counts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The key of a count of the list's matches in the {@link CountCache}: the filters without the order. */
    record CountKey(
            UUID organisationId,
            LocalDate registeredFrom,
            LocalDate registeredTo,
            PatronListQuery.Status status,
            String credentials,
            PatronListQuery.Service service) {

        static CountKey of(PatronListQuery query) {
            return new CountKey(
                    query.organisationId(),
                    query.registeredFrom(),
                    query.registeredTo(),
                    query.status(),
                    query.credentials(),
                    query.service());
        }
    }

    /**
     * Forgets the kept counts of the organisation's list (all of them when {@code organisationId} is null): its
     * patrons changed in this instance.
     */
    public void countsChanged(UUID organisationId) {
        counts.forget(key ->
                key instanceof CountKey k && (organisationId == null || organisationId.equals(k.organisationId())));
    }

    /**
     * One page of the list, with the count of all matches (counted at most a few minutes ago, and kept: an
     * organisation's tens of thousands of patrons are not counted again on every view); audited.
     *
     * @throws AccessDeniedException for another organisation's patrons, unless the user is service staff
     */
    @Transactional
    public PatronListPage page(StaffPrincipal user, PatronListQuery query, int page) {
        requireAccess(user, query);
        int index = Math.max(0, page);
        Sql sql = new Sql(query);
        Counted<Long> counted = counts.get(
                CountKey.of(query),
                () -> jdbc.sql(sql.count()).params(sql.params).query(Long.class).single());
        long total = counted.value();
        List<PatronListRow> rows = new ArrayList<>(jdbc.sql(sql.page(index))
                .params(sql.params)
                .query(PatronList::row)
                .list());
        // one row more than a page tells whether there is a next page, whatever the age of the count
        boolean hasNext = rows.size() > PAGE_SIZE;
        if (hasNext) {
            rows.remove(PAGE_SIZE);
        }
        audit.success(
                user.username(),
                AuditEvent.PATRON_LIST_VIEWED,
                "ORGANISATION",
                query.organisationId(),
                query.summary() + " page=" + index + " rows=" + total);
        return new PatronListPage(rows, index, PAGE_SIZE, total, hasNext, counted);
    }

    /** Receives the exported rows one by one, as they come from the database. */
    @FunctionalInterface
    public interface RowSink {
        void accept(PatronListRow row) throws IOException;
    }

    /**
     * Every patron the filters match, in the list's order, handed to {@code sink} one at a time as the database's
     * cursor yields them: no list of all rows is ever held. Audited with the filters and the number of rows handed
     * over (also when the export breaks off).
     *
     * @return how many rows were handed over
     * @throws AccessDeniedException for another organisation's patrons, unless the user is service staff
     */
    public long export(StaffPrincipal user, PatronListQuery query, RowSink sink) throws IOException {
        requireAccess(user, query);
        Sql sql = new Sql(query);
        long[] count = {0};
        boolean done = false;
        try {
            readOnly.executeWithoutResult(
                    status -> {
                        try (Stream<PatronListRow> rows = jdbc
                                .sql(sql.all())
                                .params(sql.params)
                                .withFetchSize(FETCH_SIZE)
                                .query(PatronList::row)
                                .stream()) {
                            for (Iterator<PatronListRow> it = rows.iterator(); it.hasNext(); ) {
                                sink.accept(it.next());
                                count[0]++;
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            done = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            audit.record(
                    user.username(),
                    AuditEvent.PATRON_LIST_EXPORTED,
                    "ORGANISATION",
                    query.organisationId(),
                    done ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    query.summary() + " rows=" + count[0]);
        }
        return count[0];
    }

    /**
     * The credentials state of each of the patrons as the list derives it in SQL, keyed by patron id: for holding
     * the SQL derivation to {@link CredentialsStates}.
     */
    @Transactional(readOnly = true)
    Map<UUID, String> credentialsStates(Collection<UUID> patronIds) {
        if (patronIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>(mailParams());
        params.put("ids", patronIds);
        Map<UUID, String> states = new HashMap<>();
        jdbc.sql("SELECT p.id, " + CREDENTIALS_STATE + " AS credentials_state FROM patron p" + CREDENTIALS_JOINS
                        + " WHERE p.id IN (:ids)")
                .params(params)
                .query(rs -> {
                    states.put(rs.getObject("id", UUID.class), rs.getString("credentials_state"));
                });
        return states;
    }

    private static Map<String, Object> mailParams() {
        return Map.of(
                "mailReferenceType",
                "PATRON",
                "mailTemplates",
                List.of(
                        PatronMail.CREDENTIALS,
                        PatronMail.CREDENTIALS + "-contact",
                        PatronMail.CREDENTIALS + "-guardian"));
    }

    private void requireAccess(StaffPrincipal user, PatronListQuery query) {
        if (!user.mayActFor(query.organisationId())) {
            audit.record(
                    user.username(),
                    AuditEvent.PATRON_LIST_VIEWED,
                    "ORGANISATION",
                    query.organisationId(),
                    AuditOutcome.DENIED,
                    "another organisation");
            throw new AccessDeniedException("another organisation's patrons");
        }
    }

    /**
     * The list's SQL for one query. Without a credentials filter a page is cut from the patron table first and the
     * credentials state worked out for its rows alone; with one, the state is worked out for every patron of the
     * organisation that the other filters leave, and the page cut after.
     */
    private static final class Sql {

        final Map<String, Object> params = new HashMap<>();
        private final String patrons;
        private final String order;
        private final boolean byCredentials;

        Sql(PatronListQuery query) {
            List<String> where = new ArrayList<>();
            where.add("p.organisation_id = :organisation");
            params.put("organisation", query.organisationId());
            params.putAll(mailParams());
            if (query.registeredFrom() != null) {
                where.add("p.registered_at >= :from");
                params.put("from", startOf(query.registeredFrom()));
            }
            if (query.registeredTo() != null) {
                where.add("p.registered_at < :until");
                params.put("until", startOf(query.registeredTo().plusDays(1)));
            }
            if (query.status() != null) {
                where.add("p.status = :status");
                params.put("status", query.status().name());
            }
            if (query.service() != null) {
                where.add(
                        query.service() == PatronListQuery.Service.ONLINE ? "p.service_online" : "p.service_cd_clubs");
            }
            this.patrons = "SELECT p.* FROM patron p WHERE " + String.join(" AND ", where);
            this.byCredentials = query.credentials() != null;
            if (byCredentials) {
                params.put("credentials", query.credentials());
            }
            this.order = switch (query.sort()) {
                case NAME -> "p.last_name, p.first_name, p.patron_number";
                case NAME_DESC -> "p.last_name DESC, p.first_name DESC, p.patron_number DESC";
                case REGISTERED -> "p.registered_at, p.patron_number";
                case REGISTERED_DESC -> "p.registered_at DESC, p.patron_number DESC";
            };
        }

        private static Timestamp startOf(LocalDate day) {
            return Timestamp.from(day.atStartOfDay(Helsinki.ZONE).toInstant());
        }

        String count() {
            if (!byCredentials) {
                return "SELECT count(*) FROM (" + patrons + ") p";
            }
            return "SELECT count(*) FROM (" + patrons + ") p" + CREDENTIALS_JOINS + " WHERE " + CREDENTIALS_STATE
                    + " = :credentials";
        }

        String page(int index) {
            params.put("limit", PAGE_SIZE + 1);
            params.put("offset", (long) index * PAGE_SIZE);
            if (!byCredentials) {
                return "SELECT " + COLUMNS + " FROM (" + patrons + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset) p" + CREDENTIALS_JOINS + " ORDER BY " + order;
            }
            return all() + " LIMIT :limit OFFSET :offset";
        }

        String all() {
            return "SELECT " + COLUMNS + " FROM (" + patrons + ") p" + CREDENTIALS_JOINS
                    + (byCredentials ? " WHERE " + CREDENTIALS_STATE + " = :credentials" : "") + " ORDER BY " + order;
        }
    }

    private static PatronListRow row(ResultSet rs, int n) throws SQLException {
        return new PatronListRow(
                rs.getObject("id", UUID.class),
                rs.getString("patron_number"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getString("status"),
                rs.getString("credentials_state"),
                rs.getBoolean("service_online"),
                rs.getBoolean("service_cd_clubs"));
    }
}
