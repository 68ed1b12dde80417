package fi.celia.celianet.patrons;

import fi.celia.celianet.notifications.MailStatus;

/** A patron on a registrar's home page, with the newest credentials mail (null when none was queued yet). */
public record RecentRegistration(Patron patron, MailStatus credentialsMail) {

    /** Whether a credentials mail is on its way: queued in the outbox or still waiting for the commit's event. */
    public boolean mailExpected() {
        return patron.active() && patron.credentialsRecipient() != null;
    }
}
