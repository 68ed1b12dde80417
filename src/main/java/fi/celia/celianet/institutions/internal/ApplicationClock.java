package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.calendar.WorkingDays;
import fi.celia.celianet.shared.CelianetProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The working-day clock of an application and the target it is held to: it runs from submission, pauses while
 * the applicant is asked for more information and stops at the decision.
 */
@Component
public class ApplicationClock {

    private final WorkingDays workingDays;
    private final Clock clock;
    private final int targetWorkingDays;

    ApplicationClock(WorkingDays workingDays, Clock clock, CelianetProperties properties) {
        this.workingDays = workingDays;
        this.clock = clock;
        this.targetWorkingDays = properties.institutions().targetWorkingDays();
    }

    /** The promise: working days from submission to decision. */
    public int targetWorkingDays() {
        return targetWorkingDays;
    }

    Instant now() {
        return Instant.now(clock);
    }

    WorkingDays workingDays() {
        return workingDays;
    }

    /** Working days so far: from submission to the decision, to the question, or to now; without the pauses. */
    int workingDays(Instant submittedAt, Instant waitingSince, Instant decidedAt, int pausedWorkingDays, Instant now) {
        Instant end = decidedAt != null ? decidedAt : waitingSince != null ? waitingSince : now;
        return Math.max(0, workingDays.between(Helsinki.dateOf(submittedAt), Helsinki.dateOf(end)) - pausedWorkingDays);
    }

    boolean overdue(ApplicationStatus status, int days) {
        return status.isOpen() && status != ApplicationStatus.WAITING_FOR_APPLICANT && days > targetWorkingDays;
    }

    QueueEntry clocked(QueueEntry entry, Instant now) {
        int days = workingDays(
                entry.submittedAt(), entry.waitingSince(), entry.decidedAt(), entry.pausedWorkingDays(), now);
        return entry.withClock(days, overdue(entry.status(), days));
    }

    /**
     * The working day a decision can be expected: the day it was made, none while waiting for the applicant, or
     * {@code expectedDays} from submission (today at the earliest working day).
     */
    LocalDate expectedDecision(ApplicationStatus status, Instant decidedAt, int days, int expectedDays, Instant now) {
        if (decidedAt != null) {
            return Helsinki.dateOf(decidedAt);
        }
        if (status == ApplicationStatus.WAITING_FOR_APPLICANT) {
            return null;
        }
        LocalDate today = Helsinki.dateOf(now);
        int remaining = expectedDays - days;
        return remaining > 0
                ? workingDays.plus(today, remaining)
                : workingDays.isWorkingDay(today) ? today : workingDays.plus(today, 1);
    }

    /** The view of an application for staff and the applicant, with its clock worked out for now. */
    Application view(InstitutionApplication a, int expectedDays, boolean withQuestion) {
        Instant now = now();
        int days =
                workingDays(a.getSubmittedAt(), a.getWaitingSince(), a.getDecidedAt(), a.getPausedWorkingDays(), now);
        String question = withQuestion && a.getStatus() == ApplicationStatus.WAITING_FOR_APPLICANT
                ? a.latestQuestion().orElse(null)
                : null;
        return new Application(
                a.getId(),
                a.getReference(),
                a.getTrackingToken(),
                a.getStatus(),
                a.getOrganisationName(),
                a.getOrganisationType(),
                a.getBusinessId(),
                a.getNoBusinessIdReason(),
                a.getContactName(),
                a.getEmail(),
                a.getPhone(),
                a.getPostalAddress(),
                a.getMessage(),
                a.getLanguage(),
                a.getSubmittedAt(),
                a.getAssigneeId(),
                a.getAssigneeName(),
                a.getWaitingSince(),
                a.getPausedWorkingDays(),
                a.getDecidedAt(),
                a.getDecidedBy(),
                a.getDecisionReason(),
                a.getOrganisationId(),
                a.registrars(),
                days,
                overdue(a.getStatus(), days),
                expectedDecision(a.getStatus(), a.getDecidedAt(), days, expectedDays, now),
                question,
                a.getVersion());
    }
}
