package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import java.util.HashMap;
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
    static final String TRANSFER = "patron-transfer";

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

    /**
     * A mail about the patron to {@code recipient}. When the recipient is the patron's contact person or guardian
     * (the one the credentials go to), the mail is their own version of the template ({@code <template>-contact},
     * {@code <template>-guardian}): addressed to them by name, about the patron, saying what to do on the patron's
     * behalf. No mail carries the identity code.
     */
    static OutgoingMail mail(Patron patron, String recipient, String template, UUID requestId) {
        return mail(patron, recipient, template, requestId, Map.of());
    }

    /** As {@link #mail(Patron, String, String, UUID)}, with more parameters for the template. */
    static OutgoingMail mail(
            Patron patron, String recipient, String template, UUID requestId, Map<String, String> more) {
        String proxy = proxy(patron, recipient);
        Map<String, String> params = new HashMap<>(more);
        params.put("name", patron.name());
        params.put("patronNumber", patron.patronNumber());
        if (proxy != null) {
            params.put(
                    "recipientName", PatronRules.GUARDIAN.equals(proxy) ? patron.guardianName() : patron.contactName());
        }
        return OutgoingMail.of(
                        requestId + ":" + recipient.trim().toLowerCase(Locale.ROOT),
                        recipient,
                        Locale.forLanguageTag(patron.language()),
                        proxy == null ? template : template + "-" + proxy.toLowerCase(Locale.ROOT),
                        params)
                .about("PATRON", patron.id());
    }

    /** CONTACT or GUARDIAN when the recipient is that person's address (and not the patron's own); else null. */
    static String proxy(Patron patron, String recipient) {
        String to = patron.credentialsTo();
        if (to == null || PatronRules.PATRON.equals(to) || recipient == null) {
            return null;
        }
        String address = patron.emailOf(to);
        boolean theirs = address != null && address.trim().equalsIgnoreCase(recipient.trim());
        boolean patronsOwn = patron.email() != null && patron.email().trim().equalsIgnoreCase(recipient.trim());
        String name = PatronRules.GUARDIAN.equals(to) ? patron.guardianName() : patron.contactName();
        return theirs && !patronsOwn && name != null ? to : null;
    }
}
