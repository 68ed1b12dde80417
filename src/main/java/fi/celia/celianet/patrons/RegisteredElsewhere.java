package fi.celia.celianet.patrons;

import java.time.Instant;
import java.util.UUID;

/**
 * What anyone may learn about a registered identity code: which organisation registered it and when. The
 * patron's id and number are included only when the asking user may open the patron.
 */
public record RegisteredElsewhere(String organisationName, Instant registeredAt, UUID patronId, String patronNumber) {

    public boolean mayOpen() {
        return patronId != null;
    }
}
