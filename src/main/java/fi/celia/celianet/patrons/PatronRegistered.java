package fi.celia.celianet.patrons;

import java.util.UUID;

/**
 * A patron was saved. Published in the registration's transaction (stored in the event publication
 * registry); after commit the credentials mail is queued. Carries ids only, never personal data.
 *
 * @param requestId identifies this registration request: the credentials mail is queued once per request
 */
public record PatronRegistered(UUID patronId, UUID requestId) {
}
