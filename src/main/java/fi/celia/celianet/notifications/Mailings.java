package fi.celia.celianet.notifications;

import fi.celia.celianet.notifications.spi.MailingList;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-wise mailings: one mail to every address on every {@link MailingList}, queued with ONE
 * {@code INSERT … SELECT} in the caller's transaction however many recipients there are, then delivered by the
 * outbox like any other mail (throttled batches, retries, resumption after a restart).
 */
@Service
public class Mailings {

    private final List<MailingList> mailingLists;
    private final JdbcClient jdbc;
    private final Clock clock;

    Mailings(List<MailingList> mailingLists, JdbcClient jdbc, Clock clock) {
        this.mailingLists = mailingLists;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return how many mails were queued; an address that already has this mailing gets no second one */
    @Transactional
    public int enqueueToEveryone(Mailing mailing) {
        Instant now = Instant.now(clock);
        // JDBC: a fan-out to every list in one INSERT … SELECT … ON CONFLICT, never a row at a time.
        var statement = jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, reference_type, reference_id,
                    state, attempts, created_at, next_attempt_at, priority)
                SELECT gen_random_uuid(), :prefix || lower(r.email), r.email, r.language,
                       CASE r.language WHEN 'sv' THEN :subjectSv WHEN 'en' THEN :subjectEn ELSE :subjectFi END,
                       CASE r.language WHEN 'sv' THEN :bodySv WHEN 'en' THEN :bodyEn ELSE :bodyFi END,
                       :type, :id, 'QUEUED', 0, :now, :now, :priority
                FROM (
                    -- One mail per address: a person on several lists (a staff member who is also an
                    -- organisation's contact, say) gets it once, in the language of the list that comes first.
                    SELECT DISTINCT ON (lower(btrim(email))) btrim(email) AS email, language
                    FROM (%s) addresses
                    ORDER BY lower(btrim(email)), source
                ) r
                ON CONFLICT (dedupe_key) DO NOTHING"""
                                .formatted(recipientsSql()))
                .param("prefix", mailing.template() + ":" + mailing.dedupeKey() + ":")
                .param("type", mailing.referenceType())
                .param("id", mailing.referenceId())
                .param("now", Timestamp.from(now))
                .param("priority", mailing.priority());
        for (String language : List.of("fi", "sv", "en")) {
            String suffix = Character.toUpperCase(language.charAt(0)) + language.substring(1);
            statement = statement
                    .param("subject" + suffix, inLanguage(mailing, language, true))
                    .param("body" + suffix, inLanguage(mailing, language, false));
        }
        return statement.update();
    }

    /** Mails of a template about a reference that are still queued are not sent at all. @return how many */
    @Transactional
    public int cancelQueued(String referenceType, UUID referenceId, String template) {
        // JDBC: one set-wise update of however many queued rows the reference has.
        return jdbc.sql(
                        """
                UPDATE outbound_mail SET state = 'CANCELLED'
                WHERE reference_type = :type AND reference_id = :id AND state = 'QUEUED' AND dedupe_key LIKE :prefix""")
                .param("type", referenceType)
                .param("id", referenceId)
                .param("prefix", template + ":%")
                .update();
    }

    /** Queued, sent and failed mails about a reference. */
    @Transactional(readOnly = true)
    public MailProgress progress(String referenceType, UUID referenceId) {
        // JDBC: counts over the reference's rows in one aggregate query.
        return jdbc.sql(
                        """
                SELECT count(*) FILTER (WHERE state = 'QUEUED' AND last_error IS NULL) AS queued,
                       count(*) FILTER (WHERE state = 'SENT') AS sent,
                       count(*) FILTER (WHERE state = 'QUEUED' AND last_error IS NOT NULL) AS failed
                FROM outbound_mail WHERE reference_type = :type AND reference_id = :id""")
                .param("type", referenceType)
                .param("id", referenceId)
                .query((rs, n) -> new MailProgress(rs.getLong("queued"), rs.getLong("sent"), rs.getLong("failed")))
                .single();
    }

    /** Every mailing list, as one union that says which list each address came from. */
    private String recipientsSql() {
        return mailingLists.stream()
                .sorted(Comparator.comparingInt(MailingList::precedence))
                .map(list -> "SELECT email, language, " + list.precedence() + " AS source FROM ("
                        + list.selectEmailAndLanguage() + ") list" + list.precedence())
                .collect(Collectors.joining(" UNION ALL "));
    }

    private static String inLanguage(Mailing mailing, String language, boolean subject) {
        var texts = subject ? mailing.subjects() : mailing.bodies();
        String text = texts.get(language);
        return text == null ? texts.get("fi") : text;
    }
}
