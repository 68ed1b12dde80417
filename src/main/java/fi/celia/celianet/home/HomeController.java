package fi.celia.celianet.home;

import fi.celia.celianet.home.spi.HomePanel;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomePanel> panels;
    private final Organisations organisations;

    HomeController(List<HomePanel> panels, Organisations organisations) {
        this.panels = panels;
        this.organisations = organisations;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        List<RenderedPanel> visible = panels.stream()
                .filter(panel -> panel.visibleTo(user))
                .sorted(Comparator.comparingInt(HomePanel::order))
                .map(panel -> new RenderedPanel(panel.fragment(), panel.model(user)))
                .toList();
        model.addAttribute("panels", visible);
        model.addAttribute("organisationName", organisations.nameOf(user.organisationId()));
        return "home";
    }

    record RenderedPanel(String fragment, Map<String, Object> data) {}
}
