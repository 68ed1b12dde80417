package fi.celia.celianet.patrons.internal;

/** What became of a staff request to mail a patron a link. */
public enum MailRequestOutcome {
    QUEUED,
    RATE_LIMITED,
    NO_ADDRESS,
    NOT_ACTIVE
}
