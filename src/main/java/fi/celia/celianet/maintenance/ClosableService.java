package fi.celia.celianet.maintenance;

/** The services a maintenance window can close. */
public enum ClosableService {
    REGISTRATION,
    PASSWORD_RESET,
    LENDING,
    INSTITUTION_SIGNUP
}
