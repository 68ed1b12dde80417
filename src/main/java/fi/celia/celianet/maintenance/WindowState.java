package fi.celia.celianet.maintenance;

/** Where a maintenance window stands; follows from its times and the clock, never stored. */
public enum WindowState {
    SCHEDULED,
    ANNOUNCED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** Announced or in progress: shown in the banner and in the status API. */
    public boolean isCurrent() {
        return this == ANNOUNCED || this == IN_PROGRESS;
    }

    /** Can still be edited, rescheduled or cancelled. */
    public boolean isOpenForChange() {
        return this == SCHEDULED || this == ANNOUNCED || this == IN_PROGRESS;
    }
}
