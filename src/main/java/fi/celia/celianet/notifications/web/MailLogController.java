package fi.celia.celianet.notifications.web;

import fi.celia.celianet.shared.NotFoundException;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** Every mail Celianet sent or is trying to send. Links with tokens show as a placeholder: tokens are never stored. */
@Controller
class MailLogController {

    static final int PAGE_SIZE = 50;

    // JDBC: a paged read-only listing of outbox rows (no body in the list), which are not entities.
    private final JdbcClient jdbc;

    MailLogController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** With an unusable filter (a control character, too long), the page lists nothing and says why on the field. */
    @GetMapping("/admin/mail")
    @Transactional(readOnly = true)
    String list(@Valid @ModelAttribute("filter") MailFilterForm filter, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("mails", List.of());
            model.addAttribute("hasPrevious", false);
            model.addAttribute("hasNext", false);
            return "notifications/mail-list";
        }
        String text = filter.getQ() == null ? "" : filter.getQ().strip();
        UUID cursor = filter.getBefore() != null ? filter.getBefore() : filter.getAfter();
        Optional<Timestamp> cursorAt = cursor == null
                ? Optional.empty()
                : jdbc.sql("SELECT created_at FROM outbound_mail WHERE id = :id")
                        .param("id", cursor)
                        .query(Timestamp.class)
                        .optional();
        boolean later = cursorAt.isPresent() && filter.getBefore() != null;
        boolean earlier = cursorAt.isPresent() && !later;
        List<MailRow> rows = new ArrayList<>(page(text, later ? cursor : null, earlier ? cursor : null, cursorAt));
        boolean more = rows.size() > PAGE_SIZE;
        if (more) {
            rows.remove(PAGE_SIZE);
        }
        if (earlier && rows.isEmpty()) {
            rows = new ArrayList<>(page(text, null, null, Optional.empty()));
            more = rows.size() > PAGE_SIZE;
            if (more) {
                rows.remove(PAGE_SIZE);
            }
            earlier = false;
            later = false;
        }
        if (earlier) {
            Collections.reverse(rows);
        }
        model.addAttribute("mails", rows);
        model.addAttribute("hasPrevious", earlier ? more : later);
        model.addAttribute("hasNext", earlier || more);
        return "notifications/mail-list";
    }

    /**
     * One page and one row more, newest first: after the mail {@code before} in that order, or (listed oldest first)
     * before the mail {@code after}, or from the newest. A cursor, not an OFFSET, so a page deep in a million mails
     * costs what the first one does.
     */
    private List<MailRow> page(String text, UUID before, UUID after, Optional<Timestamp> cursorAt) {
        // any part of the address or the subject, whatever the case (ILIKE, which the trigram indexes serve); a % or
        // _ typed is looked for as itself. Without text, no condition on it, so the plan is the plain newest-first.
        List<String> where = new ArrayList<>();
        if (!text.isEmpty()) {
            where.add("(recipient ILIKE :pattern ESCAPE '\\' OR subject ILIKE :pattern ESCAPE '\\')");
        }
        // the order is created_at DESC, id: the row comparison written out, the time bound an index condition
        if (before != null) {
            where.add("created_at <= :at AND (created_at < :at OR id > :cursor)");
        } else if (after != null) {
            where.add("created_at >= :at AND (created_at > :at OR id < :cursor)");
        }
        var query = jdbc.sql("SELECT id, recipient, subject, state, attempts, created_at, sent_at, last_error,"
                + " NULL AS body FROM outbound_mail"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + (after != null ? " ORDER BY created_at, id DESC" : " ORDER BY created_at DESC, id")
                + " LIMIT :limit");
        if (!text.isEmpty()) {
            query = query.param("pattern", "%" + escapeLike(text) + "%");
        }
        if (before != null || after != null) {
            query = query.param("at", cursorAt.orElseThrow()).param("cursor", before != null ? before : after);
        }
        return query.param("limit", PAGE_SIZE + 1).query(MailLogController::row).list();
    }

    /** Text to find inside a LIKE pattern as typed: the wildcards and the escape character match themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @GetMapping("/admin/mail/{id}")
    @Transactional(readOnly = true)
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute(
                "mail",
                jdbc.sql(
                                """
                SELECT id, recipient, subject, state, attempts, created_at, sent_at, last_error, body
                FROM outbound_mail WHERE id = :id""")
                        .param("id", id)
                        .query(MailLogController::row)
                        .optional()
                        .orElseThrow(NotFoundException::new));
        return "notifications/mail-show";
    }

    private static MailRow row(ResultSet rs, int n) throws SQLException {
        return new MailRow(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("sent_at") == null
                        ? null
                        : rs.getTimestamp("sent_at").toInstant(),
                rs.getString("last_error"),
                rs.getString("body"));
    }

    record MailRow(
            UUID id,
            String recipient,
            String subject,
            String state,
            int attempts,
            Instant createdAt,
            Instant sentAt,
            String lastError,
            String body) {}
}
