package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.notifications.MailStatus;

/** A patron on a registrar's home page, with the newest credentials mail (null when none was queued yet). */
public record RecentRegistration(Patron patron, MailStatus credentialsMail) {

    /** Whether a credentials mail is expected: the patron is active and has an address to send it to. */
    public boolean mailExpected() {
        return patron.active() && patron.credentialsRecipient() != null;
    }
}
