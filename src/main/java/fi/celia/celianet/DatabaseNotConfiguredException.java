package fi.celia.celianet;

/** Celianet cannot start: no database was named, or the demo's local database cannot be reached. */
class DatabaseNotConfiguredException extends RuntimeException {

    private final String action;

    DatabaseNotConfiguredException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
