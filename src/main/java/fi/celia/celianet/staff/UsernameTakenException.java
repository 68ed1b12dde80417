package fi.celia.celianet.staff;

public class UsernameTakenException extends RuntimeException {
    public UsernameTakenException() {
        super("username taken");
    }
}
