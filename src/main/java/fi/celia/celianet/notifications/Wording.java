package fi.celia.celianet.notifications;

/**
 * Whom a mail of a set-wise mailing speaks to, so each recipient reads a text written for them: staff and
 * organisation contacts, a patron about their own service, or the guardian or contact person who receives a
 * patron's mail on the patron's behalf.
 */
public enum Wording {
    STAFF,
    PATRON,
    GUARDIAN,
    CONTACT
}
