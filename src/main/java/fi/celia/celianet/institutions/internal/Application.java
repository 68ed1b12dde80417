package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An application as staff and the applicant see it, with its working-day clock worked out for now.
 *
 * @param workingDays        working days counted so far: from submission to the decision or to now, without the
 *                           days spent waiting for the applicant
 * @param overdue            open, not waiting for the applicant, and past the target
 * @param expectedDecision   the working day a decision can be expected; null while waiting for the applicant
 * @param question           the latest question staff asked the applicant, if any
 * @param version            the version a decision from this view expects to find
 */
public record Application(
        UUID id,
        String reference,
        String trackingToken,
        ApplicationStatus status,
        String organisationName,
        OrganisationType organisationType,
        String businessId,
        String noBusinessIdReason,
        String contactName,
        String email,
        String phone,
        PostalAddress address,
        String message,
        String language,
        Instant submittedAt,
        UUID assigneeId,
        String assigneeName,
        Instant waitingSince,
        int pausedWorkingDays,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        UUID organisationId,
        List<Registrar> registrars,
        int workingDays,
        boolean overdue,
        LocalDate expectedDecision,
        String question,
        long version) {

    public boolean needsRegistrars() {
        return needsRegistrars(organisationType);
    }

    public static boolean needsRegistrars(OrganisationType type) {
        return type != null && type.registersOwnPatrons();
    }
}
