package fi.celia.celianet.institutions.internal;

/** The application was decided already (perhaps a moment ago by someone else): nothing was changed. */
public class AlreadyDecidedException extends RuntimeException {

    private final ApplicationStatus status;
    private final String decidedBy;

    public AlreadyDecidedException(ApplicationStatus status, String decidedBy) {
        super("already " + status, null, false, false);
        this.status = status;
        this.decidedBy = decidedBy;
    }

    public ApplicationStatus status() {
        return status;
    }

    public String decidedBy() {
        return decidedBy;
    }
}
