package fi.celia.celianet.credentials;

/** What a link reads as when it is opened. A revoked link (replaced by a newer one) reads as used. */
public enum TokenState {
    VALID,
    EXPIRED,
    USED,
    UNKNOWN
}
