package fi.celia.celianet.maintenance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.MaintenanceWindow;
import fi.celia.celianet.maintenance.WindowState;
import fi.celia.celianet.notifications.spi.MailingList;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announcement mails of maintenance windows. When a window's announce-from time has passed, every staff
 * member and organisation contact with an address gets one mail in their language; a reschedule or a
 * cancellation of an announced window sends a follow-up. The recipients are queued set-wise, with ONE
 * {@code INSERT … SELECT} into the notifications outbox, in the same transaction that marks the window's
 * version as announced; delivery (throttled batches, retries, resumption after a restart) is the outbox's.
 */
@Component
public class Announcements {

    public static final String REFERENCE_TYPE = "MAINTENANCE_WINDOW";
    public static final String TEMPLATE = "maintenance-announcement";

    enum Kind { ANNOUNCEMENT, RESCHEDULE, CANCELLATION }

    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final List<MailingList> mailingLists;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    Announcements(JdbcClient jdbc, Clock clock, MessageSource messages, PlatformTransactionManager transactionManager,
            List<MailingList> mailingLists) {
        this.mailingLists = mailingLists;
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Queues every announcement and follow-up that is due now, each window in a transaction of its own. */
    public int enqueueDue() {
        Instant now = Instant.now(clock);
        List<UUID> due = jdbc.sql("""
                SELECT id FROM maintenance_window
                WHERE announced_version IS DISTINCT FROM version
                  AND (announced_version IS NOT NULL
                       OR (cancelled_at IS NULL AND announce_from <= :now AND coalesce(ended_early_at, ends_at) > :now))
                ORDER BY announce_from""")
                .param("now", Timestamp.from(now)).query(UUID.class).list();
        int queued = 0;
        for (UUID id : due) {
            Integer count = transactions.execute(status -> announce(id));
            queued += count == null ? 0 : count;
        }
        return queued;
    }

    private int announce(UUID id) {
        Instant now = Instant.now(clock);
        MaintenanceWindow window = jdbc.sql("SELECT * FROM maintenance_window WHERE id = :id FOR UPDATE")
                .param("id", id).query(WindowRows.ROW).optional().orElse(null);
        if (window == null || window.announcedVersion() != null && window.announcedVersion() == window.version()) {
            return 0;
        }
        WindowState state = window.stateAt(now);
        Kind kind;
        if (window.announcedVersion() == null) {
            if (!state.isCurrent()) {
                return 0;
            }
            kind = Kind.ANNOUNCEMENT;
        } else {
            kind = state == WindowState.CANCELLED ? Kind.CANCELLATION : Kind.RESCHEDULE;
            // What was announced before is out of date: mails not sent yet are not sent at all.
            jdbc.sql("""
                    UPDATE outbound_mail SET state = 'CANCELLED'
                    WHERE reference_type = :type AND reference_id = :id AND state = 'QUEUED' AND dedupe_key LIKE :prefix""")
                    .param("type", REFERENCE_TYPE).param("id", id).param("prefix", TEMPLATE + ":%").update();
            if (kind == Kind.RESCHEDULE && state == WindowState.COMPLETED) {
                markAnnounced(id);
                return 0;
            }
        }
        var statement = jdbc.sql("""
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, reference_type, reference_id,
                    state, attempts, created_at, next_attempt_at, priority)
                SELECT gen_random_uuid(), :prefix || lower(r.email), r.email, r.language,
                       CASE r.language WHEN 'sv' THEN :subjectSv WHEN 'en' THEN :subjectEn ELSE :subjectFi END,
                       CASE r.language WHEN 'sv' THEN :bodySv WHEN 'en' THEN :bodyEn ELSE :bodyFi END,
                       :type, :id, 'QUEUED', 0, :now, :now, 1
                FROM (
                    -- One mail per address: a person on several lists (a staff member who is also an
                    -- organisation's contact, say) gets it once, in the language of the list that comes first.
                    SELECT DISTINCT ON (lower(btrim(email))) btrim(email) AS email, language
                    FROM (%s) addresses
                    ORDER BY lower(btrim(email)), source
                ) r
                ON CONFLICT (dedupe_key) DO NOTHING""".formatted(recipientsSql()))
                .param("prefix", TEMPLATE + ":" + id + ":" + window.version() + ":")
                .param("type", REFERENCE_TYPE).param("id", id).param("now", Timestamp.from(now));
        for (String language : LANGUAGES) {
            String suffix = Character.toUpperCase(language.charAt(0)) + language.substring(1);
            statement = statement.param("subject" + suffix, text(kind, "subject", window, language))
                    .param("body" + suffix, text(kind, "body", window, language));
        }
        int queued = statement.update();
        markAnnounced(id);
        return queued;
    }

    /** Every mailing list, as one union that says which list each address came from. */
    private String recipientsSql() {
        return mailingLists.stream().sorted(java.util.Comparator.comparingInt(MailingList::precedence))
                .map(list -> "SELECT email, language, " + list.precedence() + " AS source FROM ("
                        + list.selectEmailAndLanguage() + ") list" + list.precedence())
                .collect(java.util.stream.Collectors.joining(" UNION ALL "));
    }

    private void markAnnounced(UUID id) {
        jdbc.sql("UPDATE maintenance_window SET announced_version = version WHERE id = :id").param("id", id).update();
    }

    /** The subject or body of a mail in one language, with the window's texts, times, services and channels. */
    String text(Kind kind, String part, MaintenanceWindow window, String language) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE d.M.yyyy HH:mm", locale);
        String services = window.services().stream()
                .map(s -> messages.getMessage("maintenance.service." + s, null, locale))
                .collect(Collectors.joining(", "));
        String channels = window.openChannels().isEmpty()
                ? messages.getMessage("maintenance.closed.noChannels", null, locale)
                : messages.getMessage("maintenance.closed.channels", null, locale) + " " + window.openChannels().stream()
                        .map(c -> messages.getMessage("maintenance.channel." + c, null, locale))
                        .collect(Collectors.joining(", "));
        Object[] args = {window.title(language), format.format(Helsinki.at(window.startsAt())),
                format.format(Helsinki.at(window.effectiveEnd())), services, window.message(language), channels};
        return messages.getMessage("maintenance.mail." + kind.name().toLowerCase(Locale.ROOT) + "." + part, args, locale)
                .replaceAll("\n{3,}", "\n\n");
    }
}
