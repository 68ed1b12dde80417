package fi.celia.celianet.patrons.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fi.celia.celianet.patrons.internal.Patron;
import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronRecords;
import fi.celia.celianet.patrons.internal.PatronSearch;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Patron search. The query travels in a POST body, never in a URL, because it may be an identity code.
 */
@Controller
class PatronSearchController {

    private final PatronRecords records;
    private final PatronLifecycle lifecycle;
    private final Organisations organisations;

    PatronSearchController(PatronRecords records, PatronLifecycle lifecycle, Organisations organisations) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.organisations = organisations;
    }

    @GetMapping("/patrons")
    String page(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        return view(user, model, "", null);
    }

    @PostMapping("/patrons/search")
    String search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "organisationId", required = false) String organisationId,
            @RequestParam(name = "page", required = false, defaultValue = "0") String page,
            @AuthenticationPrincipal StaffPrincipal user, Model model) {
        UUID filter = RegistrationRules.parseUuid(organisationId == null || organisationId.isBlank() ? null : organisationId.trim());
        int pageIndex;
        try {
            pageIndex = Math.min(10_000, Math.max(0, Integer.parseInt(page.trim())));
        } catch (NumberFormatException e) {
            pageIndex = 0;
        }
        PatronSearch result = records.search(user, q, filter, pageIndex);
        model.addAttribute("result", result);
        model.addAttribute("organisationNames", organisations.namesOf(
                result.patrons().stream().map(Patron::organisationId).collect(Collectors.toSet())));
        return view(user, model, q == null ? "" : q, filter);
    }

    /**
     * Takes over responsibility for a patron found by exact identity code (registrars, for their own
     * organisation, when the patron agreed), or moves a patron to another organisation (service staff).
     */
    @PostMapping("/patrons/{id}/transfer")
    String transfer(@org.springframework.web.bind.annotation.PathVariable UUID id,
            @RequestParam(name = "hetu", required = false) String hetu,
            @RequestParam(name = "patronAgreed", required = false, defaultValue = "false") boolean agreed,
            @RequestParam(name = "organisationId", required = false) String organisationId,
            @AuthenticationPrincipal StaffPrincipal user, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (!agreed && !user.isServiceStaff()) {
            model.addAttribute("transferProblem", "patrons.transfer.error.agreement");
            return search(hetu, null, "0", user, model);
        }
        lifecycle.transfer(user, id, hetu, RegistrationRules.parseUuid(organisationId));
        redirect.addFlashAttribute("flashMessage", "patrons.transfer.done");
        return "redirect:/patrons/" + id;
    }

    private String view(StaffPrincipal user, Model model, String q, UUID filter) {
        model.addAttribute("q", q.length() > 200 ? q.substring(0, 200) : q);
        model.addAttribute("organisationFilter", filter);
        model.addAttribute("serviceStaff", user.isServiceStaff());
        model.addAttribute("organisations", user.isServiceStaff() ? organisations.active() : java.util.List.of());
        if (!model.containsAttribute("organisationNames")) {
            model.addAttribute("organisationNames", Map.of());
        }
        return "patrons/search";
    }
}
