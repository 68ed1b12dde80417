package fi.celia.celianet.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit trail. A record joins the caller's transaction when there is one, so an
 * administrative change and its audit record commit or roll back together.
 */
@Service
public class AuditLog {

    static final int MAX_TEXT = 500;

    private static final RowMapper<AuditRecord> ROW = (rs, n) -> new AuditRecord(
            rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("target_type"),
            rs.getString("target_id"),
            AuditOutcome.valueOf(rs.getString("outcome")),
            rs.getString("details"));

    // JdbcClient, not JPA: an append-only log, read as counts and paged reports.
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(
            String actor, String action, String targetType, Object targetId, AuditOutcome outcome, String details) {
        jdbc.sql(
                        """
                INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, outcome, details)
                VALUES (:at, :actor, :action, :targetType, :targetId, :outcome, :details)""")
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("actor", clean(actor == null ? "anonymous" : actor))
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId == null ? null : clean(targetId.toString()))
                .param("outcome", outcome.name())
                .param("details", details == null ? null : clean(details))
                .update();
    }

    public void success(String actor, String action, String targetType, Object targetId, String details) {
        record(actor, action, targetType, targetId, AuditOutcome.SUCCESS, details);
    }

    /** How many times the action succeeded on the target since the given moment. */
    @Transactional(readOnly = true)
    public int successesSince(String action, String targetType, Object targetId, Instant since) {
        return jdbc.sql(
                        """
                SELECT count(*) FROM audit_event WHERE target_type = :type AND target_id = :id AND occurred_at >= :since
                AND action = :action AND outcome = 'SUCCESS'""")
                .param("type", targetType)
                .param("id", targetId.toString())
                .param("since", Timestamp.from(since))
                .param("action", action)
                .query(Integer.class)
                .single();
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> forTarget(String targetType, Object targetId, int limit) {
        return jdbc.sql(
                        """
                SELECT * FROM audit_event WHERE target_type = :type AND target_id = :id
                ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("type", targetType)
                .param("id", targetId.toString())
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor = ?");
            args.add(filter.actor().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action = ?");
            args.add(filter.action().trim());
        }
        if (filter.outcome() != null) {
            where.append(" AND outcome = ?");
            args.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size + 1);
        pageArgs.add((long) page * size);
        List<AuditRecord> rows = jdbc.sql(
                        "SELECT * FROM audit_event" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query(ROW)
                .list();
        boolean hasNext = rows.size() > size;
        return new AuditPage(hasNext ? rows.subList(0, size) : rows, page, hasNext);
    }

    /** Audit text is shown on pages and may reach logs: no control characters, bounded length. */
    static String clean(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT) + "…" : oneLine;
    }

    public record AuditFilter(String actor, String action, AuditOutcome outcome, Instant from, Instant to) {}

    public record AuditPage(List<AuditRecord> records, int page, boolean hasNext) {}
}
