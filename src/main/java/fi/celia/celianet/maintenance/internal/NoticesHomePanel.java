package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.home.spi.HomePanel;
import fi.celia.celianet.maintenance.ServiceNotices;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The staff home page's panel: current service notices and the next Q&A session. */
@Component
class NoticesHomePanel implements HomePanel {

    private final ServiceNotices notices;

    NoticesHomePanel(ServiceNotices notices) {
        this.notices = notices;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean visibleTo(StaffPrincipal user) {
        return true;
    }

    @Override
    public String fragment() {
        return "maintenance/home :: panel";
    }

    @Override
    public Map<String, Object> model(StaffPrincipal user) {
        Map<String, Object> model = new HashMap<>();
        model.put("notices", notices.published(5));
        model.put("nextSession", notices.nextSession().orElse(null));
        model.put("now", notices.now());
        return model;
    }
}
