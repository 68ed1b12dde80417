package fi.celia.celianet.bookclubs;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a subscription request did, and from which shipment it takes effect.
 *
 * @param shipment      the first shipment the change applies to (for a join: the first delivery); null when no
 *                      open shipment is scheduled yet
 * @param effectiveFrom the delivery date the change applies from
 * @param unchanged     true when nothing changed (the same subscription request twice)
 */
public record SubscriptionChange(
        Kind kind, UUID subscriptionId, Club club, Shipment shipment, LocalDate effectiveFrom, boolean unchanged) {

    public enum Kind {
        JOINED,
        PAUSED,
        RESUMED,
        ENDED
    }
}
