package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The patrons' mails, queued in the outbox in the caller's transaction: a registration and its credentials
 * mail commit together or not at all. The dedupe key is a request id and the recipient.
 */
@Component
class PatronMail {

    static final String CREDENTIALS = "patron-credentials";
    static final String RESET = "patron-reset";

    private final PatronRepository patrons;
    private final Mailbox mailbox;

    PatronMail(PatronRepository patrons, Mailbox mailbox) {
        this.patrons = patrons;
        this.mailbox = mailbox;
    }

    /** Queues the credentials mail of a newly registered patron, when there is an address to send it to. */
    void credentials(UUID patronId) {
        patrons.findById(patronId).filter(Patron::active).ifPresent(patron -> {
            String recipient = patron.credentialsRecipient();
            if (recipient != null) {
                mailbox.enqueue(mail(patron, recipient, CREDENTIALS, UUID.randomUUID())
                        .withLink(TokenPurpose.PATRON_ACTIVATION, patron.id()));
            }
        });
    }

    static OutgoingMail mail(Patron patron, String recipient, String template, UUID requestId) {
        return OutgoingMail.of(
                        requestId + ":" + recipient.trim().toLowerCase(Locale.ROOT),
                        recipient,
                        Locale.forLanguageTag(patron.language()),
                        template,
                        Map.of("name", patron.name(), "patronNumber", patron.patronNumber()))
                .about("PATRON", patron.id());
    }
}
