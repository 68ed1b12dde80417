package fi.celia.celianet.bookclubs;

import java.time.LocalDate;
import java.util.List;

/**
 * One membership a patron has or had in a club, as the patron's data report tells it.
 *
 * @param joinedOn   the day the patron joined (Helsinki)
 * @param leftOn     the day the membership was ended (Helsinki), or null while it lasts
 * @param deliveries the delivery dates of the shipments whose frozen member list holds the patron through this
 *                   membership, oldest first
 */
public record ClubMembership(Club club, LocalDate joinedOn, LocalDate leftOn, List<LocalDate> deliveries) {

    public ClubMembership {
        deliveries = List.copyOf(deliveries);
    }
}
