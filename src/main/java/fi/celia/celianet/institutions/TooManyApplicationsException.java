package fi.celia.celianet.institutions;

/** More applications from one contact address or one client address in an hour than a person would send. */
public class TooManyApplicationsException extends RuntimeException {
    public TooManyApplicationsException() {
        super("too many applications", null, false, false);
    }
}
