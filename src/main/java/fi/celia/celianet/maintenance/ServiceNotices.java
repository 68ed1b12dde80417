package fi.celia.celianet.maintenance;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import fi.celia.celianet.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service notices for libraries: news, known issues with their workaround, Q&A sessions with their join link
 * and, afterwards, a summary. Published by service staff; shown on the staff home page and the public
 * {@code /notices} page between their publish times. Links must be {@code https://}.
 */
@Service
public class ServiceNotices {

    public static final String AUDIT_TYPE = "SERVICE_NOTICE";
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    private static final Pattern PLAIN_HTTP = Pattern.compile("(?i)\\bhttp://");
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private static final RowMapper<ServiceNotice> ROW = ServiceNotices::map;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    ServiceNotices(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Notices published now: Q&A sessions to come first (soonest first), then the newest others. */
    @Transactional(readOnly = true)
    public List<ServiceNotice> published(int limit) {
        Instant now = Instant.now(clock);
        return jdbc.sql("""
                SELECT * FROM service_notice
                WHERE publish_from <= :now AND (publish_until IS NULL OR publish_until > :now)
                ORDER BY (kind = 'QA_SESSION' AND session_starts_at > :now) DESC,
                         CASE WHEN kind = 'QA_SESSION' AND session_starts_at > :now THEN session_starts_at END ASC,
                         publish_from DESC
                LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(ROW).list();
    }

    /** The next published Q&A session that has not begun. */
    @Transactional(readOnly = true)
    public Optional<ServiceNotice> nextSession() {
        Instant now = Instant.now(clock);
        return jdbc.sql("""
                SELECT * FROM service_notice
                WHERE kind = 'QA_SESSION' AND session_starts_at > :now
                  AND publish_from <= :now AND (publish_until IS NULL OR publish_until > :now)
                ORDER BY session_starts_at LIMIT 1""")
                .param("now", Timestamp.from(now)).query(ROW).optional();
    }

    @Transactional(readOnly = true)
    public List<ServiceNotice> all() {
        return jdbc.sql("SELECT * FROM service_notice ORDER BY publish_from DESC LIMIT 500").query(ROW).list();
    }

    @Transactional(readOnly = true)
    public Optional<ServiceNotice> find(UUID id) {
        return jdbc.sql("SELECT * FROM service_notice WHERE id = :id").param("id", id).query(ROW).optional();
    }

    public Instant now() {
        return Instant.now(clock);
    }

    /** Everything wrong with the details, each with its own message; empty when they can be saved. */
    public List<WindowProblem> validate(NoticeDetails d) {
        List<WindowProblem> problems = new ArrayList<>();
        if (d.kind() == null) {
            problems.add(new WindowProblem("kind", "maintenance.notice.error.kind"));
        }
        if (blank(d.titles().get("fi"))) {
            problems.add(new WindowProblem("titleFi", "maintenance.notice.error.titleFi"));
        }
        if (blank(d.bodies().get("fi"))) {
            problems.add(new WindowProblem("bodyFi", "maintenance.notice.error.bodyFi"));
        }
        if (d.kind() == NoticeKind.KNOWN_ISSUE && blank(d.workarounds().get("fi"))) {
            problems.add(new WindowProblem("workaroundFi", "maintenance.notice.error.workaroundFi"));
        }
        if (d.kind() == NoticeKind.QA_SESSION) {
            if (d.sessionStartsAt() == null) {
                problems.add(new WindowProblem("sessionStartsAt", "maintenance.notice.error.sessionStartsAt.required"));
            }
            if (blank(d.joinLink())) {
                problems.add(new WindowProblem("joinLink", "maintenance.notice.error.joinLink.required"));
            } else if (!isHttpsLink(d.joinLink().strip())) {
                problems.add(new WindowProblem("joinLink", "maintenance.notice.error.joinLink.https"));
            }
        }
        if (d.publishFrom() != null && d.publishUntil() != null && !d.publishUntil().isAfter(d.publishFrom())) {
            problems.add(new WindowProblem("publishUntil", "maintenance.notice.error.publishUntil"));
        }
        check(problems, "title", d.titles(), MAX_TITLE);
        check(problems, "body", d.bodies(), MAX_TEXT);
        check(problems, "workaround", d.workarounds(), MAX_TEXT);
        check(problems, "summary", d.summaries(), MAX_TEXT);
        return problems;
    }

    /** An absolute {@code https://} link with a host, nothing else. */
    public static boolean isHttpsLink(String link) {
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !link.contains(" ");
        } catch (Exception e) {
            return false;
        }
    }

    private static void check(List<WindowProblem> problems, String field, Map<String, String> texts, int max) {
        for (String language : LANGUAGES) {
            String value = texts.get(language);
            String name = field + Character.toUpperCase(language.charAt(0)) + language.substring(1);
            if (value == null) {
                continue;
            }
            if (value.strip().length() > max) {
                problems.add(new WindowProblem(name, "maintenance.notice.error.tooLong"));
            } else if (PLAIN_HTTP.matcher(value).find()) {
                problems.add(new WindowProblem(name, "maintenance.notice.error.httpLink"));
            }
        }
    }

    @Transactional
    public UUID create(NoticeDetails details, String actor) {
        requireValid(details);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                INSERT INTO service_notice (id, kind, title_fi, title_sv, title_en, body_fi, body_sv, body_en,
                    workaround_fi, workaround_sv, workaround_en, session_starts_at, join_link, summary_fi, summary_sv,
                    summary_en, publish_from, publish_until, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :kind, :titleFi, :titleSv, :titleEn, :bodyFi, :bodySv, :bodyEn, :workaroundFi, :workaroundSv,
                    :workaroundEn, :sessionStartsAt, :joinLink, :summaryFi, :summarySv, :summaryEn, :publishFrom,
                    :publishUntil, :now, :actor, :now, :actor)""")
                .params(params(details)).param("id", id).param("now", now).param("actor", actor).update();
        audit.success(actor, "SERVICE_NOTICE_CREATED", AUDIT_TYPE, id, details.kind().name());
        return id;
    }

    @Transactional
    public void update(UUID id, NoticeDetails details, String actor) {
        requireValid(details);
        int updated = jdbc.sql("""
                UPDATE service_notice SET kind = :kind, title_fi = :titleFi, title_sv = :titleSv, title_en = :titleEn,
                    body_fi = :bodyFi, body_sv = :bodySv, body_en = :bodyEn, workaround_fi = :workaroundFi,
                    workaround_sv = :workaroundSv, workaround_en = :workaroundEn, session_starts_at = :sessionStartsAt,
                    join_link = :joinLink, summary_fi = :summaryFi, summary_sv = :summarySv, summary_en = :summaryEn,
                    publish_from = :publishFrom, publish_until = :publishUntil, updated_at = :now, updated_by = :actor
                WHERE id = :id""")
                .params(params(details)).param("id", id).param("now", Timestamp.from(Instant.now(clock)))
                .param("actor", actor).update();
        if (updated == 0) {
            throw new fi.celia.celianet.shared.NotFoundException();
        }
        audit.success(actor, "SERVICE_NOTICE_EDITED", AUDIT_TYPE, id, details.kind().name());
    }

    private void requireValid(NoticeDetails details) {
        List<WindowProblem> problems = new ArrayList<>(validate(details));
        if (details.publishFrom() == null) {
            problems.add(new WindowProblem("publishFrom", "maintenance.notice.error.publishFrom.required"));
        }
        if (!problems.isEmpty()) {
            throw new WindowRejectedException(problems);
        }
    }

    private static Map<String, Object> params(NoticeDetails d) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", d.kind().name());
        put(p, "title", d.titles());
        put(p, "body", d.bodies());
        boolean knownIssue = d.kind() == NoticeKind.KNOWN_ISSUE;
        boolean session = d.kind() == NoticeKind.QA_SESSION;
        put(p, "workaround", knownIssue ? d.workarounds() : Map.of());
        put(p, "summary", session ? d.summaries() : Map.of());
        p.put("sessionStartsAt", session && d.sessionStartsAt() != null ? Timestamp.from(d.sessionStartsAt()) : null);
        p.put("joinLink", session ? d.joinLink().strip() : null);
        p.put("publishFrom", Timestamp.from(d.publishFrom()));
        p.put("publishUntil", d.publishUntil() == null ? null : Timestamp.from(d.publishUntil()));
        return p;
    }

    private static void put(Map<String, Object> p, String field, Map<String, String> texts) {
        for (String language : LANGUAGES) {
            String value = texts.get(language);
            p.put(field + Character.toUpperCase(language.charAt(0)) + language.substring(1),
                    blank(value) ? null : value.strip());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ServiceNotice map(ResultSet rs, int row) throws SQLException {
        return new ServiceNotice(rs.getObject("id", UUID.class), NoticeKind.valueOf(rs.getString("kind")),
                texts(rs, "title"), texts(rs, "body"), texts(rs, "workaround"), instant(rs, "session_starts_at"),
                rs.getString("join_link"), texts(rs, "summary"), instant(rs, "publish_from"), instant(rs, "publish_until"));
    }

    private static Map<String, String> texts(ResultSet rs, String prefix) throws SQLException {
        Map<String, String> texts = new HashMap<>();
        for (String language : LANGUAGES) {
            String value = rs.getString(prefix + "_" + language);
            texts.put(language, value == null ? "" : value);
        }
        return Map.copyOf(texts);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
