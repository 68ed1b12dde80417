package fi.celia.celianet.patrons.internal;

/** The submission token was already used by this staff member for a registration with different data. */
public class SubmissionTokenReusedException extends RuntimeException {

    public SubmissionTokenReusedException() {
        super("submission token already used with different data", null, false, false);
    }
}
