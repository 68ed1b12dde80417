package fi.celia.celianet.patrons.spi;

import fi.celia.celianet.staff.StaffPrincipal;
import java.util.UUID;

/**
 * A section of the patron page that another module contributes as a bean (the book clubs' subscriptions, say),
 * so that the patrons module needs to know nothing of it.
 */
public interface PatronPageSection {

    /** Lower comes first. */
    int order();

    /** A fragment expression taking one argument, such as {@code bookclubs/patron :: subscriptions}. */
    String fragment();

    /** What the fragment gets as its argument; only called for a patron the user may open. */
    Object model(UUID patronId, StaffPrincipal user);
}
