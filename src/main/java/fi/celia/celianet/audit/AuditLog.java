package fi.celia.celianet.audit;

import fi.celia.celianet.audit.spi.ActorAffiliations;
import fi.celia.celianet.audit.spi.ActorAffiliations.Affiliation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit trail. A record joins the caller's transaction when there is one, so an
 * administrative change and its audit record commit or roll back together.
 */
@Service
public class AuditLog {

    static final int MAX_TEXT = 500;

    /** What stands in an erased value's place in a record's details. */
    static final String ERASED = "[…]";

    private static final RowMapper<AuditRecord> ROW = (rs, n) -> new AuditRecord(
            rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("actor"),
            rs.getObject("actor_organisation_id", UUID.class),
            rs.getBoolean("actor_service"),
            rs.getString("action"),
            event(rs.getString("action")),
            rs.getString("target_type"),
            rs.getString("target_id"),
            AuditOutcome.valueOf(rs.getString("outcome")),
            rs.getString("details"),
            purpose(rs.getString("purpose")));

    // JdbcClient, not JPA: an append-only log, read as counts and paged reports.
    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<ActorAffiliations> affiliations;

    AuditLog(JdbcClient jdbc, Clock clock, List<ActorAffiliations> affiliations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.affiliations = List.copyOf(affiliations);
    }

    /** Writes a record, with whom the actor acts for now (when the actor is the signed-in staff member). */
    /**
     * A refused access, recorded in a transaction of its own: the refusal (a 404 for a record of another
     * organisation) rolls the caller's transaction back, or the caller only reads, and the record must stay.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String actor, AuditEvent event, String targetType, Object targetId, String details) {
        record(actor, event, targetType, targetId, AuditOutcome.DENIED, details);
    }

    @Transactional
    public void record(
            String actor, AuditEvent event, String targetType, Object targetId, AuditOutcome outcome, String details) {
        record(actor, event, targetType, targetId, outcome, details, null);
    }

    /** Writes a record of an access to a patron's record, with why it happened (null when not known). */
    @Transactional
    public void record(
            String actor,
            AuditEvent event,
            String targetType,
            Object targetId,
            AuditOutcome outcome,
            String details,
            AccessPurpose purpose) {
        String who = actor == null ? "anonymous" : actor;
        Affiliation affiliation = affiliations.stream()
                .map(a -> a.of(who))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(new Affiliation(null, false));
        jdbc.sql(
                        """
                INSERT INTO audit_event (occurred_at, actor, actor_organisation_id, actor_service, action, target_type,
                    target_id, outcome, details, purpose)
                VALUES (:at, :actor, :organisation, :service, :action, :targetType, :targetId, :outcome, :details,
                    :purpose)""")
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("actor", clean(who))
                .param("organisation", affiliation.organisationId())
                .param("service", affiliation.service())
                .param("action", event.name())
                .param("targetType", targetType)
                .param("targetId", targetId == null ? null : clean(targetId.toString()))
                .param("outcome", outcome.name())
                .param("details", details == null ? null : clean(details))
                .param("purpose", purpose == null ? null : purpose.name())
                .update();
    }

    public void success(String actor, AuditEvent event, String targetType, Object targetId, String details) {
        record(actor, event, targetType, targetId, AuditOutcome.SUCCESS, details);
    }

    /** A successful access to a patron's record, with why it happened. */
    public void success(
            String actor, AuditEvent event, String targetType, Object targetId, String details, AccessPurpose purpose) {
        record(actor, event, targetType, targetId, AuditOutcome.SUCCESS, details, purpose);
    }

    /**
     * Takes a person's erased data out of the trail of one target: the details of the free-text events go, and in
     * every other record of the target each of the values (compared without regard to case) is replaced by a
     * marker. Who did what, to which target and when stays. @return how many records were changed
     */
    @Transactional
    public int erase(String targetType, Object targetId, Collection<String> values, Collection<AuditEvent> freeText) {
        List<Pattern> patterns = values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(v -> Pattern.compile(Pattern.quote(v.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        Set<String> dropped = freeText.stream().map(AuditEvent::name).collect(Collectors.toSet());
        // JDBC: the target's records by its index, each redacted in Java where a value occurs.
        var rows = jdbc.sql(
                        """
                SELECT id, action, details FROM audit_event
                WHERE target_type = :type AND target_id = :id AND details IS NOT NULL""")
                .param("type", targetType)
                .param("id", targetId.toString())
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("action"), rs.getString("details")})
                .list();
        int changed = 0;
        for (Object[] row : rows) {
            String details = (String) row[2];
            String redacted = dropped.contains((String) row[1]) ? null : details;
            for (Pattern pattern : patterns) {
                if (redacted != null) {
                    redacted = pattern.matcher(redacted).replaceAll(ERASED);
                }
            }
            if (!details.equals(redacted)) {
                jdbc.sql("UPDATE audit_event SET details = :details WHERE id = :id")
                        .param("details", redacted)
                        .param("id", row[0])
                        .update();
                changed++;
            }
        }
        return changed;
    }

    /** How many times the action succeeded on the target since the given moment. */
    @Transactional(readOnly = true)
    public int successesSince(AuditEvent event, String targetType, Object targetId, Instant since) {
        return jdbc.sql(
                        """
                SELECT count(*) FROM audit_event WHERE target_type = :type AND target_id = :id AND occurred_at >= :since
                AND action = :action AND outcome = 'SUCCESS'""")
                .param("type", targetType)
                .param("id", targetId.toString())
                .param("since", Timestamp.from(since))
                .param("action", event.name())
                .query(Integer.class)
                .single();
    }

    /** How many times the actor succeeded in the action since the given moment. */
    @Transactional(readOnly = true)
    public int actorSuccessesSince(String actor, AuditEvent event, Instant since) {
        return jdbc.sql(
                        """
                SELECT count(*) FROM audit_event WHERE actor = :actor AND action = :action AND occurred_at >= :since
                AND outcome = 'SUCCESS'""")
                .param("actor", actor)
                .param("action", event.name())
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** The target's records of the given events, newest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> forTarget(String targetType, Object targetId, Collection<AuditEvent> events, int limit) {
        if (events.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                SELECT * FROM audit_event WHERE target_type = :type AND target_id = :id AND action IN (:actions)
                ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("type", targetType)
                .param("id", targetId.toString())
                .param("actions", events.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Every record of the target, oldest first: what a data subject's report lists. */
    @Transactional(readOnly = true)
    public List<AuditRecord> allForTarget(String targetType, Object targetId) {
        return jdbc.sql(
                        """
                SELECT * FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY occurred_at, id""")
                .param("type", targetType)
                .param("id", targetId.toString())
                .query(ROW)
                .list();
    }

    /**
     * One page of the trail, newest first. The actor matches any part of the user name, whatever the case; the
     * period runs from {@code from} (inclusive) to {@code to} (exclusive). The page is the one just older than the
     * record {@code before}, or just newer than the record {@code after}, or else the newest: a cursor, so that a page
     * deep in millions of records costs what the first page costs (no OFFSET).
     */
    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter filter, Long before, Long after, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            // the trigram index on actor serves ILIKE; a typed % or _ is matched as itself
            where.append(" AND actor ILIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(filter.actor().strip()) + "%");
        }
        if (filter.event() != null) {
            where.append(" AND action = ?");
            args.add(filter.event().name());
        }
        if (filter.outcome() != null) {
            // written out (an enum's name), so that the plan can use the partial index of the rare outcomes
            where.append(" AND outcome = '").append(filter.outcome().name()).append("'");
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        Optional<Timestamp> cursorAt = Optional.empty();
        Long cursor = before != null ? before : after;
        if (cursor != null) {
            cursorAt = jdbc.sql("SELECT occurred_at FROM audit_event WHERE id = ?")
                    .params(cursor)
                    .query(Timestamp.class)
                    .optional();
        }
        boolean older = cursorAt.isPresent() && before != null;
        boolean newer = cursorAt.isPresent() && !older;
        if (cursorAt.isPresent()) {
            // the row comparison written out, so that the time bound is an index condition
            where.append(
                    older
                            ? " AND occurred_at <= ? AND (occurred_at < ? OR id < ?)"
                            : " AND occurred_at >= ? AND (occurred_at > ? OR id > ?)");
            args.add(cursorAt.get());
            args.add(cursorAt.get());
            args.add(cursor);
        }
        args.add(size + 1);
        List<AuditRecord> rows = new ArrayList<>(jdbc.sql("SELECT * FROM audit_event" + where
                        + (newer ? " ORDER BY occurred_at, id LIMIT ?" : " ORDER BY occurred_at DESC, id DESC LIMIT ?"))
                .params(args)
                .query(ROW)
                .list());
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(size);
        }
        if (newer && rows.isEmpty()) {
            return search(filter, null, null, size);
        }
        if (newer) {
            Collections.reverse(rows);
            return new AuditPage(rows, more, true);
        }
        return new AuditPage(rows, older, more);
    }

    /** Text to find inside a LIKE pattern as typed: the wildcards and the escape character match themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEvent event(String action) {
        try {
            return AuditEvent.valueOf(action);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AccessPurpose purpose(String name) {
        if (name == null) {
            return null;
        }
        try {
            return AccessPurpose.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Audit text is shown on pages and may reach logs: no control characters, bounded length. */
    static String clean(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT) + "…" : oneLine;
    }

    public record AuditFilter(String actor, AuditEvent event, AuditOutcome outcome, Instant from, Instant to) {}

    /** A page of records, newest first, and whether newer ({@code hasPrevious}) and older records are there. */
    public record AuditPage(List<AuditRecord> records, boolean hasPrevious, boolean hasNext) {}
}
