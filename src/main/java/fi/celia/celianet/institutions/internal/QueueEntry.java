package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.staff.OrganisationType;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the staff queue.
 *
 * @param workingDays working days counted so far, without the days spent waiting for the applicant
 * @param overdue     open, not waiting for the applicant, and past the target
 */
public record QueueEntry(
        UUID id,
        String reference,
        ApplicationStatus status,
        String organisationName,
        OrganisationType organisationType,
        String businessId,
        Instant submittedAt,
        String assigneeName,
        Instant waitingSince,
        int pausedWorkingDays,
        Instant decidedAt,
        int workingDays,
        boolean overdue) {

    QueueEntry withClock(int days, boolean late) {
        return new QueueEntry(
                id,
                reference,
                status,
                organisationName,
                organisationType,
                businessId,
                submittedAt,
                assigneeName,
                waitingSince,
                pausedWorkingDays,
                decidedAt,
                days,
                late);
    }
}
