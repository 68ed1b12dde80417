package fi.celia.celianet.maintenance.internal;

/** Announcement mails of maintenance windows (filled in by the announcing step). */
public final class Announcements {

    public static final String REFERENCE_TYPE = "MAINTENANCE_WINDOW";

    private Announcements() {
    }
}
