package fi.celia.celianet.bookclubs;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patron's subscription as the patron page shows it.
 *
 * @param pausedFrom   delivery date of the first shipment skipped by the current pause, or null
 * @param resumedFrom  delivery date of the first shipment after the current pause, or null while open-ended
 * @param nextDelivery the next shipment the patron receives, or null when none is scheduled
 * @param version      the version the page's forms send back, so a change made meanwhile is not overwritten
 */
public record SubscriptionView(
        UUID id,
        Club club,
        State state,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate pausedFrom,
        LocalDate resumedFrom,
        NextDelivery nextDelivery,
        long version) {

    public enum State {
        ACTIVE,
        PAUSED,
        ENDED
    }

    public boolean active() {
        return state != State.ENDED;
    }
}
