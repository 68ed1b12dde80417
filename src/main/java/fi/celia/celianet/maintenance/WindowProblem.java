package fi.celia.celianet.maintenance;

/** One reason a window cannot be saved: the form field it concerns and the message key that explains it. */
public record WindowProblem(String field, String messageKey) {
}
