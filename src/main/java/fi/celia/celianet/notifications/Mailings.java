package fi.celia.celianet.notifications;

import fi.celia.celianet.notifications.spi.MailingList;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
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
 * narrow {@code INSERT … SELECT} of its recipients in the caller's transaction however many there are (the texts
 * are kept once per mailing), then delivered by the outbox like any other mail (throttled batches, retries,
 * resumption after a restart): the sender writes each recipient's mail into the outbox as it claims it.
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
     * of the first list (by precedence) the address is on. The texts are kept once for the mailing and each
     * address as one narrow row ({@code mailing_recipient}, written by ONE {@code INSERT … SELECT}); the sender
     * writes each recipient's mail into the outbox as it sends it.
     *
     * @return how many mails were queued; an address that already has this mailing gets no second one
     */
    @Transactional
    public int enqueue(Mailing mailing) {
        String prefix = mailing.template() + ":" + mailing.dedupeKey() + ":";
        UUID created = UUID.randomUUID();
        // JDBC: the mailing's row and texts, then its recipients set-wise, however many there are.
        boolean isNew = jdbc.sql(
                                """
                INSERT INTO mailing (id, dedupe_prefix, reference_type, reference_id, priority, created_at)
                VALUES (:id, :prefix, :type, :reference, :priority, :now) ON CONFLICT (dedupe_prefix) DO NOTHING""")
                        .param("id", created)
                        .param("prefix", prefix)
                        .param("type", mailing.referenceType())
                        .param("reference", mailing.referenceId())
                        .param("priority", mailing.priority())
                        .param("now", Timestamp.from(Instant.now(clock)))
                        .update()
                == 1;
        UUID id = isNew
                ? created
                : jdbc.sql("SELECT id FROM mailing WHERE dedupe_prefix = :prefix FOR UPDATE")
                        .param("prefix", prefix)
                        .query(UUID.class)
                        .single();
        if (isNew) {
            for (Wording wording : Wording.values()) {
                for (String language : LANGUAGES) {
                    jdbc.sql(
                                    """
                            INSERT INTO mailing_text (mailing_id, text_key, subject, body)
                            VALUES (:id, :key, :subject, :body)""")
                            .param("id", id)
                            .param("key", Mailing.key(wording, language))
                            .param("subject", text(mailing.subjects(), wording, language))
                            .param("body", text(mailing.bodies(), wording, language))
                            .update();
                }
            }
        }
        // A new mailing's recipients are distinct by address already, so a plain insert (no speculative insertion
        // per row); queued again, the mailing reaches only the addresses that have no mail of it yet, staged or
        // sent. The address as written is kept only where it differs from the lower-case one.
        int staged = jdbc.sql(
                        """
                INSERT INTO mailing_recipient (mailing_id, address, email, language, wording, about)
                SELECT :id, r.address, nullif(r.email, r.address), r.language, r.wording, r.about FROM (%s) r%s"""
                                .formatted(
                                        recipientsSql(mailing.audiences(), false),
                                        isNew
                                                ? ""
                                                : " WHERE NOT EXISTS (SELECT 1 FROM outbound_mail o"
                                                        + " WHERE o.dedupe_key = :prefix || r.address)"
                                                        + " ON CONFLICT (mailing_id, address) DO NOTHING"))
                .param("id", id)
                .param("prefix", prefix)
                .update();
        jdbc.sql("UPDATE mailing SET pending = pending + :staged WHERE id = :id")
                .param("staged", staged)
                .param("id", id)
                .update();
        return staged;
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
        // JDBC: set-wise, the staged recipients of the reference's mailings and its queued outbox rows; the
        // mailings' rows first, so no re-queue or sender adds or takes recipients in between.
        jdbc.sql(
                        """
                SELECT id FROM mailing WHERE reference_type = :type AND reference_id = :id AND dedupe_prefix LIKE :prefix
                ORDER BY id FOR NO KEY UPDATE""")
                .param("type", referenceType)
                .param("id", referenceId)
                .param("prefix", template + ":%")
                .query(UUID.class)
                .list();
        int staged = jdbc.sql(
                        """
                DELETE FROM mailing_recipient WHERE mailing_id IN (SELECT id FROM mailing
                    WHERE reference_type = :type AND reference_id = :id AND dedupe_prefix LIKE :prefix)""")
                .param("type", referenceType)
                .param("id", referenceId)
                .param("prefix", template + ":%")
                .update();
        jdbc.sql(
                        """
                UPDATE mailing SET pending = 0
                WHERE reference_type = :type AND reference_id = :id AND dedupe_prefix LIKE :prefix AND pending > 0""")
                .param("type", referenceType)
                .param("id", referenceId)
                .param("prefix", template + ":%")
                .update();
        return staged
                + jdbc.sql(
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
        // (SENDING) is still waiting, so the total stays the same while the sender works through the queue; so is
        // a recipient still staged, counted by its mailing.
        return jdbc.sql(
                        """
                SELECT count(*) FILTER (WHERE state IN ('QUEUED', 'SENDING') AND last_error IS NULL)
                         + (SELECT coalesce(sum(pending), 0) FROM mailing
                            WHERE reference_type = :type AND reference_id = :id) AS queued,
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
