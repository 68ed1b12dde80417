package fi.celia.celianet.institutions.internal;

/**
 * How long applications take now.
 *
 * @param medianWorkingDays median working days from submission to decision over the last 30 days; null without decisions
 * @param waiting           applications waiting for a decision
 * @param targetWorkingDays the promise
 */
public record JoinEstimate(Double medianWorkingDays, int waiting, int targetWorkingDays) {

    /** Working days to promise a new applicant: the target, or the median when that is longer. */
    public int expectedWorkingDays() {
        return medianWorkingDays == null
                ? targetWorkingDays
                : Math.max(targetWorkingDays, (int) Math.ceil(medianWorkingDays));
    }
}
