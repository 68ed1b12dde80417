package fi.celia.celianet.notifications.spi;

/**
 * A set of people with an e-mail address, for set-wise mailings such as maintenance announcements: each
 * module that owns addresses says in SQL how to select them, so a mailing to everyone is one
 * {@code INSERT … SELECT} over all lists, whatever their size.
 */
public interface MailingList {

    /** When one address is on several lists, the list with the lowest precedence gives its language. */
    int precedence();

    /** A query selecting exactly two columns, {@code email} and {@code language} (fi, sv or en). */
    String selectEmailAndLanguage();
}
