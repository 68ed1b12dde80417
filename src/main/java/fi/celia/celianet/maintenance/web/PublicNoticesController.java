package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.maintenance.NoticeKind;
import fi.celia.celianet.maintenance.ServiceNotice;
import fi.celia.celianet.maintenance.ServiceNotices;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /notices}: the published service notices, for everyone (linked in every signed-in user's navigation).
 * Q&A sessions still to come, soonest first, with their join link; then the other notices shown now. A notice
 * whose showing time has ended is not listed.
 */
@Controller
class PublicNoticesController {

    private final ServiceNotices notices;

    PublicNoticesController(ServiceNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String list(Model model) {
        Instant now = notices.now();
        Map<Boolean, List<ServiceNotice>> coming = notices.published(100).stream()
                .collect(Collectors.partitioningBy(n -> n.kind() == NoticeKind.QA_SESSION && !n.sessionHeldBy(now)));
        model.addAttribute("sessions", coming.get(true));
        model.addAttribute("notices", coming.get(false));
        model.addAttribute("now", now);
        return "maintenance/notices";
    }
}
