package fi.celia.celianet.audit;

public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
