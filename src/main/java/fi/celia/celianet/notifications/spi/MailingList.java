package fi.celia.celianet.notifications.spi;

import fi.celia.celianet.notifications.Audience;

/**
 * A set of people with an e-mail address, for set-wise mailings such as maintenance announcements: each
 * module that owns addresses says in SQL how to select them, so a mailing is one {@code INSERT … SELECT} over
 * the lists of its audiences, whatever their size.
 */
public interface MailingList {

    /** The audience an administrator chooses to reach this list. */
    Audience audience();

    /** When one address is on several lists, the list with the lowest precedence gives its language and wording. */
    int precedence();

    /**
     * A query selecting exactly four columns: {@code email}, {@code language} (fi, sv or en), {@code wording} (the
     * name of a {@link fi.celia.celianet.notifications.Wording}) and {@code about} (for a guardian or contact
     * person, the name of the patron the mail is about; otherwise NULL).
     */
    String selectRecipients();
}
