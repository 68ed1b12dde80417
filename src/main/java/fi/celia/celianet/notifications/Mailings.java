package fi.celia.celianet.notifications;

import fi.celia.celianet.notifications.spi.MailingList;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-wise mailings: one mail to every address on the {@link MailingList}s of the chosen audiences, queued with ONE
 * {@code INSERT … SELECT} in the caller's transaction however many recipients there are, then delivered by the
 * outbox like any other mail (throttled batches, retries, resumption after a restart).
 */
@Service
public class Mailings {

    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final List<MailingList> mailingLists;
    private final JdbcClient jdbc;
    private final Clock clock;

    Mailings(List<MailingList> mailingLists, JdbcClient jdbc, Clock clock) {
        this.mailingLists = mailingLists;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues the mailing to every address of its audiences: one mail per address, in the language and wording
     * of the first list (by precedence) the address is on.
     *
     * @return how many mails were queued; an address that already has this mailing gets no second one
     */
    @Transactional
    public int enqueue(Mailing mailing) {
        Instant now = Instant.now(clock);
        StringBuilder subject = new StringBuilder("CASE r.wording || ':' || r.language");
        StringBuilder body = new StringBuilder("CASE r.wording || ':' || r.language");
        Map<String, String> params = new HashMap<>();
        int n = 0;
        for (Wording wording : Wording.values()) {
            for (String language : LANGUAGES) {
                String key = Mailing.key(wording, language);
                subject.append(" WHEN '").append(key).append("' THEN :s").append(n);
                body.append(" WHEN '").append(key).append("' THEN :b").append(n);
                params.put("s" + n, text(mailing.subjects(), wording, language));
                params.put("b" + n, text(mailing.bodies(), wording, language));
                n++;
            }
            // A language the texts do not have reads Finnish.
            subject.append(" WHEN '")
                    .append(wording)
                    .append(":' || r.language THEN :s")
                    .append(n);
            body.append(" WHEN '")
                    .append(wording)
                    .append(":' || r.language THEN :b")
                    .append(n);
            params.put("s" + n, text(mailing.subjects(), wording, "fi"));
            params.put("b" + n, text(mailing.bodies(), wording, "fi"));
            n++;
        }
        subject.append(" END");
        body.append(" END");
        // JDBC: a fan-out to every list of the audiences in one INSERT … SELECT … ON CONFLICT, never a row at a time.
        var statement = jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, reference_type, reference_id,
                    state, attempts, created_at, next_attempt_at, priority)
                SELECT gen_random_uuid(), :prefix || r.address, r.email, r.language, %s,
                       replace(%s, :about, coalesce(r.about, '')),
                       :type, :id, 'QUEUED', 0, :now, :now, :priority
                FROM (%s) r
                ON CONFLICT (dedupe_key) DO NOTHING"""
                                .formatted(subject, body, recipientsSql(mailing.audiences(), false)))
                .param("prefix", mailing.template() + ":" + mailing.dedupeKey() + ":")
                .param("about", Mailing.ABOUT)
                .param("type", mailing.referenceType())
                .param("id", mailing.referenceId())
                .param("now", Timestamp.from(now))
                .param("priority", mailing.priority());
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.update();
    }

    /**
     * How many addresses a mailing to the audiences would reach now, by audience and language, in one grouped
     * query. Together the counts are exactly what {@link #enqueue} would queue for a new mailing: an address on
     * the lists of two chosen audiences counts once, under the audience whose list comes first.
     */
    @Transactional(readOnly = true)
    public List<RecipientCount> count(Set<Audience> audiences) {
        return count(audiences, false);
    }

    /** Like {@link #count}, but each audience counted on its own (an address on two counts in both). */
    @Transactional(readOnly = true)
    public List<RecipientCount> countEach(Set<Audience> audiences) {
        return count(audiences, true);
    }

    private List<RecipientCount> count(Set<Audience> audiences, boolean eachOnItsOwn) {
        if (audiences.isEmpty()) {
            return List.of();
        }
        // JDBC: one aggregate over the union of the lists, however many addresses they hold.
        return jdbc.sql(
                        """
                SELECT r.audience, r.language, count(*) AS n FROM (%s) r
                GROUP BY r.audience, r.language ORDER BY r.audience, r.language"""
                                .formatted(recipientsSql(audiences, eachOnItsOwn)))
                .query((rs, i) -> new RecipientCount(Audience.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
                .list();
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
        // JDBC: counts over the reference's rows in one aggregate query. A mail being handed to the SMTP server
        // (SENDING) is still waiting, so the total stays the same while the sender works through the queue.
        return jdbc.sql(
                        """
                SELECT count(*) FILTER (WHERE state IN ('QUEUED', 'SENDING') AND last_error IS NULL) AS queued,
                       count(*) FILTER (WHERE state = 'SENT') AS sent,
                       count(*) FILTER (WHERE state IN ('QUEUED', 'SENDING') AND last_error IS NOT NULL) AS failed
                FROM outbound_mail WHERE reference_type = :type AND reference_id = :id""")
                .param("type", referenceType)
                .param("id", referenceId)
                .query((rs, n) -> new MailProgress(rs.getLong("queued"), rs.getLong("sent"), rs.getLong("failed")))
                .single();
    }

    /**
     * The recipients of the audiences: one row per address ({@code address}, lower case) with its {@code email},
     * {@code language}, {@code wording}, {@code audience} and {@code about} (the names of the patrons a guardian
     * or contact person is told about, when one address receives mail for several). With {@code eachOnItsOwn},
     * one row per audience and address instead.
     */
    private String recipientsSql(Set<Audience> audiences, boolean eachOnItsOwn) {
        String lists = mailingLists.stream()
                .filter(list -> audiences.contains(list.audience()))
                .sorted(Comparator.comparingInt(MailingList::precedence))
                .map(list -> "SELECT email, language, wording, about, '"
                        + list.audience().name() + "' AS audience, "
                        + list.precedence() + " AS source FROM (" + list.selectRecipients() + ") list"
                        + list.precedence())
                .collect(Collectors.joining(" UNION ALL "));
        if (lists.isEmpty()) {
            lists = "SELECT NULL::text AS email, NULL::text AS language, NULL::text AS wording, NULL::text AS about,"
                    + " NULL::text AS audience, 0 AS source WHERE false";
        }
        String distinct = eachOnItsOwn ? "audience, address" : "address";
        // One mail per address: a person on several lists (a staff member who is also an organisation's contact,
        // say) gets it once, in the language and wording of the list that comes first; a patron's own wording
        // before a guardian's when the same list has both.
        return """
                SELECT DISTINCT ON (%s) address, email, language, wording, audience, about FROM (
                    SELECT lower(btrim(email)) AS address, min(btrim(email)) AS email, min(language) AS language,
                           wording, audience, source, string_agg(DISTINCT about, ', ' ORDER BY about) AS about
                    FROM (%s) lists
                    WHERE email IS NOT NULL AND btrim(email) <> ''
                    GROUP BY lower(btrim(email)), wording, audience, source
                ) grouped
                ORDER BY %s, source, wording = 'PATRON' DESC, wording"""
                .formatted(distinct, lists, distinct);
    }

    /** The text of a wording in a language: Finnish when the language has none, the staff wording when the wording has none. */
    private static String text(Map<String, String> texts, Wording wording, String language) {
        for (String key : List.of(
                Mailing.key(wording, language),
                Mailing.key(wording, "fi"),
                Mailing.key(Wording.STAFF, language),
                Mailing.key(Wording.STAFF, "fi"))) {
            String text = texts.get(key);
            if (text != null) {
                return text;
            }
        }
        return "";
    }
}
