package fi.celia.celianet.institutions.internal;

import java.time.Instant;
import java.util.UUID;

import fi.celia.celianet.institutions.ApplicationStatus;
import fi.celia.celianet.staff.OrganisationType;

/** One row of {@code institution_application}. */
public record ApplicationRow(UUID id, String reference, String trackingToken, ApplicationStatus status,
        String organisationName, OrganisationType organisationType, String businessId, String noBusinessIdReason,
        String contactName, String email, String phone, String streetAddress, String postalCode, String city,
        String message, String language, Instant submittedAt, UUID assigneeId, String assigneeName,
        Instant waitingSince, int pausedWorkingDays, Instant decidedAt, String decidedBy, String decisionReason,
        UUID organisationId) {
}
