package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.SubscriptionViews;
import fi.celia.celianet.patrons.spi.PatronPageSection;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The patron page's CD book club section: the patron's subscriptions and the clubs still to join. */
@Component
class BookClubsPatronSection implements PatronPageSection {

    private final SubscriptionViews subscriptions;

    BookClubsPatronSection(SubscriptionViews subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String fragment() {
        return "bookclubs/patron :: subscriptions";
    }

    @Override
    public Object model(UUID patronId, StaffPrincipal user) {
        return subscriptions.patronPage(patronId);
    }
}
