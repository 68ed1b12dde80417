package fi.celia.celianet.bookclubs.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The flash notice the patron page shows after a subscription change (the fragment
 * {@code bookclubs/patron :: subscriptions} draws it): which club, which shipment, which delivery date.
 *
 * @param key message key taking the club's name as {0} and the date as {1}
 */
public record SubscriptionNotice(String key, String club, LocalDate date) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
