package fi.celia.celianet.bookclubs;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the patron page's fragment {@code bookclubs/patron :: subscriptions(data)} needs: the subscriptions, the
 * clubs the patron can still join with the first delivery each would bring if the patron joined today, and what
 * keeps the patron from joining at all.
 *
 * @param missing message keys of what the patron lacks to join any club (closed, no CD service, no postal
 *                address); empty when the patron may subscribe
 */
public record PatronSubscriptions(
        UUID patronId, List<SubscriptionView> subscriptions, List<JoinableClub> joinable, List<String> missing) {

    public boolean maySubscribe() {
        return missing.isEmpty();
    }

    /**
     * A club the patron is not a member of.
     *
     * @param firstDelivery the delivery date of the club's first shipment whose production has not started today:
     *                      the first one a patron joining today receives; null when the calendar has none
     */
    public record JoinableClub(Club club, LocalDate firstDelivery) {}
}
