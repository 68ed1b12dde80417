package fi.celia.celianet.notifications;

/** Whom a set-wise mailing reaches: each {@link fi.celia.celianet.notifications.spi.MailingList} belongs to one. */
public enum Audience {
    /** Staff accounts and the contacts of organisations (libraries, schools, care homes). */
    ORGANISATIONS,
    /** Active patrons with an e-mail address, reached at the address their credentials go to. */
    PATRONS
}
