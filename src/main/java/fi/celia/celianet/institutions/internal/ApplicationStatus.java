package fi.celia.celianet.institutions.internal;

import java.util.EnumSet;
import java.util.Set;

/** Where an application stands. The first three are open: they wait for a decision. */
public enum ApplicationStatus {
    RECEIVED,
    IN_REVIEW,
    WAITING_FOR_APPLICANT,
    APPROVED,
    REJECTED;

    public static final Set<ApplicationStatus> OPEN = EnumSet.of(RECEIVED, IN_REVIEW, WAITING_FOR_APPLICANT);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isDecided() {
        return !isOpen();
    }
}
