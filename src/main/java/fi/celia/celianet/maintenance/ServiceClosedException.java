package fi.celia.celianet.maintenance;

/** Thrown by {@link ServiceAvailability#require} while a window closes the service. Nothing was written. */
public class ServiceClosedException extends RuntimeException {

    private final transient ClosureNotice notice;

    public ServiceClosedException(ClosureNotice notice) {
        super("service closed: " + notice.service(), null, false, false);
        this.notice = notice;
    }

    public ClosureNotice notice() {
        return notice;
    }
}
