package fi.celia.celianet.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's face. {@link #enqueue} writes a mail row in the caller's transaction; delivery happens
 * later, with retries, so a mail server outage never reaches the person who caused the mail.
 */
@Service
public class Mailbox {

    public static final String LINK = "${link}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    static final RowMapper<MailStatus> STATUS = (rs, n) -> new MailStatus(
            rs.getString("template"),
            rs.getString("state"),
            rs.getInt("attempts"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("sent_at") == null
                    ? null
                    : rs.getTimestamp("sent_at").toInstant(),
            rs.getString("recipient"));

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    Mailbox(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** @return true when the mail was queued, false when a mail with the same dedupe key already exists */
    @Transactional
    public boolean enqueue(OutgoingMail mail) {
        Locale locale = mail.language() == null ? Locale.forLanguageTag("fi") : mail.language();
        String subject = render("mail." + mail.template() + ".subject", locale, mail.params());
        String body = render("mail." + mail.template() + ".body", locale, mail.params());
        Instant now = Instant.now(clock);
        // JDBC: an idempotent INSERT … ON CONFLICT DO NOTHING on the dedupe key; the outbox rows are set-wise by
        // nature.
        int inserted = jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, link_purpose,
                    link_subject_id, reference_type, reference_id, state, attempts, created_at, next_attempt_at)
                VALUES (:id, :key, :recipient, :language, :subject, :body, :linkPurpose, :linkSubject, :refType,
                    :refId, 'QUEUED', 0, :now, :now)
                ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("key", mail.template() + ":" + mail.dedupeKey())
                .param("recipient", mail.recipient().trim())
                .param("language", locale.getLanguage())
                .param("subject", subject)
                .param("body", body)
                .param(
                        "linkPurpose",
                        mail.linkPurpose() == null ? null : mail.linkPurpose().name())
                .param("linkSubject", mail.linkSubjectId())
                .param("refType", mail.referenceType())
                .param("refId", mail.referenceId())
                .param("now", Timestamp.from(now))
                .update();
        return inserted == 1;
    }

    /**
     * Forgets the mails to or about someone whose personal data is erased: every mail about the reference or with a
     * link for it, and every mail about nothing in particular (such as a book club's welcome) to one of the
     * person's own addresses, keeps only its state and dates; its recipient, subject, body and dedupe key are
     * blanked, and one not yet sent is cancelled; a mailing (an announcement) not yet written for one of the
     * addresses is not sent to it. A mail about someone else to a shared address stays.
     * @return how many mails were blanked
     */
    @Transactional
    public int forget(String referenceType, UUID referenceId, Collection<String> addresses) {
        List<String> lowered = addresses.stream()
                .filter(a -> a != null && !a.isBlank())
                .map(a -> a.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        // A mailing not yet written for one of the addresses never will be (the mailings' rows locked first, in
        // the order every writer of their recipients takes them).
        jdbc.sql("SELECT id FROM mailing WHERE pending > 0 ORDER BY id FOR NO KEY UPDATE")
                .query(UUID.class)
                .list();
        jdbc.sql(
                        """
                WITH gone AS (DELETE FROM mailing_recipient WHERE address IN (:addresses) RETURNING mailing_id)
                UPDATE mailing m SET pending = greatest(m.pending - g.n, 0)
                FROM (SELECT mailing_id, count(*) AS n FROM gone GROUP BY mailing_id) g WHERE m.id = g.mailing_id""")
                .param("addresses", lowered.isEmpty() ? List.of("") : lowered)
                .update();
        // JDBC: one set-wise UPDATE of the outbox rows; the dedupe key stays unique through the row's id.
        return jdbc.sql(
                        """
                UPDATE outbound_mail SET recipient = '', subject = '', body = '', dedupe_key = 'erased:' || id,
                    last_error = NULL,
                    state = CASE WHEN state IN ('QUEUED', 'SENDING') THEN 'CANCELLED' ELSE state END,
                    lease_until = NULL
                WHERE dedupe_key NOT LIKE 'erased:%'
                  AND ((reference_type = :type AND reference_id = :id) OR link_subject_id = :id
                    OR (reference_type IS NULL AND link_subject_id IS NULL
                        AND lower(trim(recipient)) IN (:addresses)))""")
                .param("type", referenceType)
                .param("id", referenceId)
                .param("addresses", lowered.isEmpty() ? List.of("") : lowered)
                .update();
    }

    /** The newest mail of a template about a reference, e.g. the credentials mail of a patron. */
    @Transactional(readOnly = true)
    public Optional<MailStatus> latest(String referenceType, UUID referenceId, String template) {
        // JDBC: a projection of the outbox row (the template is part of its dedupe key), not an entity.
        return jdbc.sql(
                        """
                SELECT split_part(dedupe_key, ':', 1) AS template, state, attempts, created_at, sent_at, recipient
                FROM outbound_mail WHERE reference_type = :type AND reference_id = :id AND dedupe_key LIKE :prefix
                ORDER BY created_at DESC LIMIT 1""")
                .param("type", referenceType)
                .param("id", referenceId)
                .param("prefix", template + ":%")
                .query(STATUS)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<MailStatus> about(String referenceType, UUID referenceId) {
        // JDBC: a projection of the outbox rows of one reference, not entities.
        return jdbc.sql(
                        """
                SELECT split_part(dedupe_key, ':', 1) AS template, state, attempts, created_at, sent_at, recipient
                FROM outbound_mail WHERE reference_type = :type AND reference_id = :id ORDER BY created_at DESC""")
                .param("type", referenceType)
                .param("id", referenceId)
                .query(STATUS)
                .list();
    }

    /**
     * The newest mail of any of the templates about each of the references, in one query: for lists that show
     * where a mail stands on every row. A reference with no such mail has no entry.
     */
    @Transactional(readOnly = true)
    public Map<UUID, MailStatus> latestAbout(
            String referenceType, Collection<UUID> referenceIds, Collection<String> templates) {
        if (referenceIds.isEmpty() || templates.isEmpty()) {
            return Map.of();
        }
        // JDBC: DISTINCT ON keeps the newest row of each reference, set-wise.
        return jdbc
                .sql(
                        """
                SELECT DISTINCT ON (reference_id) reference_id, split_part(dedupe_key, ':', 1) AS template, state,
                    attempts, created_at, sent_at, recipient
                FROM outbound_mail WHERE reference_type = :type AND reference_id IN (:ids)
                AND split_part(dedupe_key, ':', 1) IN (:templates)
                ORDER BY reference_id, created_at DESC""")
                .param("type", referenceType)
                .param("ids", referenceIds)
                .param("templates", templates)
                .query((rs, n) -> Map.entry(rs.getObject("reference_id", UUID.class), STATUS.mapRow(rs, n)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * For another module's set-wise query over its own rows (a list of thousands, filtered and paged in the
     * database): the subquery of a {@code LEFT JOIN LATERAL} that yields the newest mail of any of the templates
     * about the reference in {@code referenceColumn}, as {@link #latestAbout} picks it, with the columns
     * {@code state}, {@code attempts} and {@code created_at}. The query binds {@code :mailReferenceType} and
     * {@code :mailTemplates}. Here rather than in the caller, so the outbox's columns stay this module's business.
     */
    public static String newestAboutSql(String referenceColumn) {
        if (!referenceColumn.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("not a column: " + referenceColumn);
        }
        return "SELECT state, attempts, created_at FROM outbound_mail WHERE reference_type = :mailReferenceType"
                + " AND reference_id = " + referenceColumn
                + " AND split_part(dedupe_key, ':', 1) IN (:mailTemplates) ORDER BY created_at DESC LIMIT 1";
    }

    /** How many mails of a template about a reference were queued since a moment: for rate limits. */
    @Transactional(readOnly = true)
    public int countSince(String referenceType, UUID referenceId, String template, Instant since) {
        // JDBC: a count.
        return jdbc.sql(
                        """
                SELECT count(*) FROM outbound_mail WHERE reference_type = :type AND reference_id = :id
                AND dedupe_key LIKE :prefix AND created_at >= :since""")
                .param("type", referenceType)
                .param("id", referenceId)
                .param("prefix", template + ":%")
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /**
     * Blanks the recipient, subject, body and last error of the mails sent before a moment, a batch at a time,
     * each batch in its own transaction so a long backlog never holds one. The rows themselves stay: a patron's
     * page says when the credentials mail went, a mailing counts what it sent, and the dedupe key keeps an event
     * delivered again from mailing anyone twice; the mail log still shows that a mail went and when, to nobody
     * named. @return how many mails were blanked
     */
    public int blankSentBefore(Instant cutoff, int batchSize) {
        // JDBC: a set-wise update by batch; created_at <= sent_at, so its index narrows the scan to old rows.
        int total = 0;
        int blanked;
        do {
            blanked = jdbc.sql(
                            """
                UPDATE outbound_mail SET recipient = '', subject = '', body = '', last_error = NULL
                WHERE id IN (SELECT id FROM outbound_mail WHERE state = 'SENT' AND created_at < :cutoff
                    AND sent_at < :cutoff AND recipient <> '' LIMIT :batch)""")
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("batch", batchSize)
                    .update();
            total += blanked;
        } while (blanked == batchSize);
        return total;
    }

    String render(String key, Locale locale, Map<String, String> params) {
        String text = messages.getMessage(key, null, locale);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = "link".equals(name) ? LINK : params.getOrDefault(name, "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
