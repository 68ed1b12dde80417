package fi.celia.celianet.patrons.internal;

/**
 * Where a patron's credentials stand, one state per patron. Derived, never stored: each state follows from what
 * the owning record already holds (a set password, the credentials mail in the outbox, the newest letter, the
 * phone code's time), so no second copy can disagree with them.
 */
public enum CredentialsState {
    /** The credentials mail waits in the outbox, or a phone code is still to be read out. */
    QUEUED,
    /** The mail server took the credentials mail. */
    SENT,
    /** The mail server has refused the credentials mail so far; delivery keeps retrying. */
    FAILED,
    /** A letter waits to be printed. */
    LETTER_WAITING,
    /** The letter was printed (its code issued then); for a letter handed over in person, the end of the road. */
    LETTER_PRINTED,
    /** The printed letter was marked as posted. */
    LETTER_POSTED,
    /** A short code was read out on the phone. */
    CODE_GIVEN,
    /** The patron has set a password. */
    ACTIVATED
}
