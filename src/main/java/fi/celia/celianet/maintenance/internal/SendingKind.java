package fi.celia.celianet.maintenance.internal;

/** The first mail about a window, or a mail about a change since (new times, services, or its cancellation). */
public enum SendingKind {
    ANNOUNCEMENT,
    UPDATE
}
