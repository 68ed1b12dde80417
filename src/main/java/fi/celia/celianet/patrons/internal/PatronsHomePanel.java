package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.home.spi.HomePanel;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A registrar's home page: their organisation's latest registrations and where each one's credentials stand, and the
 * patrons moved to another organisation in the last 30 days.
 */
@Component
class PatronsHomePanel implements HomePanel {

    static final int LATEST = 10;

    private final PatronCredentials credentials;
    private final PatronLifecycle lifecycle;

    PatronsHomePanel(PatronCredentials credentials, PatronLifecycle lifecycle) {
        this.credentials = credentials;
        this.lifecycle = lifecycle;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean visibleTo(StaffPrincipal user) {
        return user.organisationId() != null;
    }

    @Override
    public String fragment() {
        return "patrons/home :: panel";
    }

    @Override
    public Map<String, Object> model(StaffPrincipal user) {
        return Map.of(
                "registrations",
                credentials.latestRegistrations(user.organisationId(), LATEST),
                "transfersAway",
                lifecycle.transfersAway(user.organisationId(), LATEST));
    }
}
