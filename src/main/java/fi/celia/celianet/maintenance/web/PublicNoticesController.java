package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.maintenance.ServiceNotices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /notices}: the published service notices, for everyone. */
@Controller
class PublicNoticesController {

    private final ServiceNotices notices;

    PublicNoticesController(ServiceNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String list(Model model) {
        model.addAttribute("notices", notices.published(100));
        model.addAttribute("nextSession", notices.nextSession().orElse(null));
        model.addAttribute("now", notices.now());
        return "maintenance/notices";
    }
}
