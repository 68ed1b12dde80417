package fi.celia.celianet.notifications.web;

import fi.celia.celianet.shared.NotFoundException;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
            model.addAttribute("page", 0);
            model.addAttribute("hasNext", false);
            return "notifications/mail-list";
        }
        int current = Math.max(0, filter.getPage());
        String text = filter.getQ() == null ? "" : filter.getQ().strip();
        // any part of the address or the subject, whatever the case (ILIKE, which the trigram indexes serve); a % or
        // _ typed is looked for as itself. Without text, no condition at all, so the plan is the plain newest-first.
        String where = text.isEmpty()
                ? ""
                : "WHERE recipient ILIKE :pattern ESCAPE '\\' OR subject ILIKE :pattern ESCAPE '\\'";
        var query =
                jdbc.sql("SELECT id, recipient, subject, state, attempts, created_at, sent_at, last_error, NULL AS body"
                        + " FROM outbound_mail " + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset");
        if (!text.isEmpty()) {
            query = query.param("pattern", "%" + escapeLike(text) + "%");
        }
        var rows = query.param("limit", PAGE_SIZE + 1)
                .param("offset", (long) current * PAGE_SIZE)
                .query(MailLogController::row)
                .list();
        model.addAttribute("mails", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        return "notifications/mail-list";
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
