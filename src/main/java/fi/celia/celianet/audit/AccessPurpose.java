package fi.celia.celianet.audit;

/**
 * Why a patron's record was consulted or changed, derived from how the access happened rather than asked of the
 * user. Stored by name in {@code audit_event.purpose}; each has its message {@code audit.purpose.NAME} in every
 * language.
 */
public enum AccessPurpose {
    /** Registering a patron, or the duplicate check of a registration. */
    REGISTRATION,
    /** A search by identity code that found the patron. */
    SEARCH,
    /** The patron's page opened from search results. */
    SEARCH_RESULT,
    /** Helping with credentials: a resent activation, a reset link, a letter, a phone code. */
    CREDENTIALS_HELP,
    /** Changing, closing or erasing the record. */
    EDIT,
    /** Moving the patron to another organisation. */
    TRANSFER,
    /** Book club work: subscriptions started, paused, resumed or ended. */
    CLUB_WORK,
    /** Opening the record otherwise. */
    VIEW;

    /** The message key of its name. */
    public String messageKey() {
        return "audit.purpose." + name();
    }
}
