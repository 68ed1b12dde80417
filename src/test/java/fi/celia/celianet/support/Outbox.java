package fi.celia.celianet.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the tests read of the outbox: every mail written to it and every mailing recipient not yet written. */
public final class Outbox {

    /**
     * Every mail as a recipient will get it, for {@code SELECT … FROM } + this: the outbox's rows, and each staged
     * recipient of a mailing as the mail the sender will write for it, in state {@code STAGED}. Columns: id (null
     * while staged), dedupe_key, recipient, subject, body, reference_id, state, attempts, created_at.
     */
    public static final String MAILS =
            """
            (SELECT o.id, o.dedupe_key, o.recipient, o.subject, o.body, o.reference_id, o.state, o.attempts,
                    o.created_at
             FROM outbound_mail o
             UNION ALL
             SELECT NULL, m.dedupe_prefix || r.address, coalesce(r.email, r.address), t.subject,
                    replace(t.body, U&'\\2063about\\2063', coalesce(r.about, '')), m.reference_id, 'STAGED', 0,
                    m.created_at
             FROM mailing_recipient r JOIN mailing m ON m.id = r.mailing_id
             JOIN mailing_text t ON t.mailing_id = m.id AND t.text_key = r.wording || ':'
                 || CASE WHEN r.language IN ('fi', 'sv', 'en') THEN r.language ELSE 'fi' END) mails""";

    private Outbox() {}

    /** Mails about a reference not yet sent are not sent at all: its staged recipients and queued mails. */
    public static void cancel(JdbcClient jdbc, UUID referenceId) {
        jdbc.sql(
                        """
                DELETE FROM mailing_recipient WHERE mailing_id IN (SELECT id FROM mailing WHERE reference_id = :id)""")
                .param("id", referenceId)
                .update();
        jdbc.sql("UPDATE mailing SET pending = 0 WHERE reference_id = :id")
                .param("id", referenceId)
                .update();
        jdbc.sql("UPDATE outbound_mail SET state = 'CANCELLED' WHERE reference_id = :id AND state = 'QUEUED'")
                .param("id", referenceId)
                .update();
    }
}
