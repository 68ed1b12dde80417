package fi.celia.celianet.patrons;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a registration commits, puts the credentials mail into the outbox. The dedupe key is the event's
 * request id and the recipient, so a second delivery of the same event queues nothing more.
 */
@Component
class PatronMail {

    static final String CREDENTIALS = "patron-credentials";
    static final String RESET = "patron-reset";

    private final PatronStore store;
    private final Mailbox mailbox;

    PatronMail(PatronStore store, Mailbox mailbox) {
        this.store = store;
        this.mailbox = mailbox;
    }

    @ApplicationModuleListener
    void on(PatronRegistered event) {
        store.find(event.patronId()).filter(Patron::active).ifPresent(patron -> {
            String recipient = patron.credentialsRecipient();
            if (recipient != null) {
                mailbox.enqueue(mail(patron, recipient, CREDENTIALS, event.requestId())
                        .withLink(TokenPurpose.PATRON_ACTIVATION, patron.id()));
            }
        });
    }

    static OutgoingMail mail(Patron patron, String recipient, String template, UUID requestId) {
        return OutgoingMail.of(requestId + ":" + recipient.trim().toLowerCase(Locale.ROOT), recipient,
                        Locale.forLanguageTag(patron.language()), template,
                        Map.of("name", patron.name(), "patronNumber", patron.patronNumber()))
                .about("PATRON", patron.id());
    }
}
