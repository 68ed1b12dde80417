package fi.celia.celianet.patrons.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * What anyone may learn about a registered identity code: which organisation registered it and when. The
 * patron's number and page ({@code patronId}) are included only when the asking user may open the patron;
 * {@code transferId} is the opaque id a take-over request names (together with the identity code itself).
 */
public record RegisteredElsewhere(
        String organisationName, Instant registeredAt, UUID patronId, String patronNumber, UUID transferId) {

    public boolean mayOpen() {
        return patronId != null;
    }
}
