package fi.celia.celianet.patrons.internal;

import java.time.Instant;

/**
 * A patron's credentials state with what the patron page says beside it.
 *
 * @param state          null when nothing is on its way (credentials by e-mail with no address to send to)
 * @param at             when the state was reached (sent, printed, posted, given, activated); null when unknown
 * @param recipient      the address a sent or failing mail went to; null otherwise
 * @param failedAttempts attempts the mail server refused so far
 */
public record CredentialsStatus(CredentialsState state, Instant at, String recipient, int failedAttempts) {

    /** The message key of the state, for pages and lists. */
    public String messageKey() {
        return "patrons.credentialsState." + (state == null ? "NONE" : state.name());
    }
}
