package fi.celia.celianet.bookclubs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One delivery of a club. Production starts at the start of {@link #productionStartsOn()} (Helsinki).
 *
 * @param frozenAt    when the member list was frozen, null while it is not
 * @param memberCount the frozen list's size, or the current subscribers' count while open
 * @param version     the version a form that edits the shipment was drawn from
 */
public record Shipment(
        UUID id,
        UUID clubId,
        LocalDate deliveryDate,
        LocalDate productionStartsOn,
        String titles,
        Instant frozenAt,
        int memberCount,
        ShipmentState state,
        long version) {

    public boolean frozen() {
        return frozenAt != null;
    }

    public boolean open() {
        return state == ShipmentState.OPEN;
    }
}
