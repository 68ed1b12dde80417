package fi.celia.celianet.patrons.web;

import fi.celia.celianet.patrons.internal.Patron;
import fi.celia.celianet.patrons.internal.PatronCredentials;
import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronRecords;
import fi.celia.celianet.patrons.internal.PatronSearch;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Patron search. The query travels in a POST body, never in a URL, because it may be an identity code.
 */
@Controller
class PatronSearchController {

    private final PatronRecords records;
    private final PatronLifecycle lifecycle;
    private final Organisations organisations;
    private final PatronCredentials credentials;

    PatronSearchController(
            PatronRecords records,
            PatronLifecycle lifecycle,
            Organisations organisations,
            PatronCredentials credentials) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.organisations = organisations;
        this.credentials = credentials;
    }

    @GetMapping("/patrons")
    String page(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        model.addAttribute("search", new PatronSearchForm());
        return view(user, model, new PatronSearchForm());
    }

    @PostMapping("/patrons/search")
    String search(
            @ModelAttribute("search") PatronSearchForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model) {
        if (errors.hasFieldErrors("q")) {
            // the query could not be read (a control character, say): the page says so at the field
            return view(user, model, form);
        }
        PatronSearch result = records.search(user, form.getQ(), form.organisationFilter(), form.pageIndex());
        model.addAttribute("result", result);
        model.addAttribute(
                "organisationNames",
                organisations.namesOf(
                        result.patrons().stream().map(Patron::organisationId).collect(Collectors.toSet())));
        model.addAttribute("credentialStates", credentials.statuses(result.patrons()));
        return view(user, model, form);
    }

    /**
     * Takes over responsibility for a patron found by exact identity code (registrars, for their own
     * organisation, when the patron agreed), or moves a patron to another organisation (service staff).
     */
    @PostMapping("/patrons/{id}/transfer")
    String transfer(
            @PathVariable UUID id,
            @ModelAttribute("transfer") TransferForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasFieldErrors("hetu") && !user.isServiceStaff()) {
            // the identity code could not be read: the search page says so at its field
            PatronSearchForm again = new PatronSearchForm();
            BindingResult searchErrors = new BeanPropertyBindingResult(again, "search");
            searchErrors.rejectValue("q", errors.getFieldError("hetu").getCode());
            model.addAttribute("search", again);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "search", searchErrors);
            return view(user, model, again);
        }
        if (!form.isPatronAgreed() && !user.isServiceStaff()) {
            model.addAttribute("transferProblem", "patrons.transfer.error.agreement");
            PatronSearchForm again = PatronSearchForm.of(form.getHetu());
            model.addAttribute("search", again);
            return search(again, new BeanPropertyBindingResult(again, "search"), user, model);
        }
        lifecycle.transfer(user, id, form.getHetu(), form.targetOrganisation());
        redirect.addFlashAttribute("flashMessage", "patrons.transfer.done");
        return "redirect:/patrons/" + id;
    }

    private String view(StaffPrincipal user, Model model, PatronSearchForm form) {
        model.addAttribute("q", form.shownQuery());
        model.addAttribute("organisationFilter", form.organisationFilter());
        model.addAttribute("serviceStaff", user.isServiceStaff());
        model.addAttribute("organisations", user.isServiceStaff() ? organisations.active() : List.of());
        if (!model.containsAttribute("organisationNames")) {
            model.addAttribute("organisationNames", Map.of());
        }
        return "patrons/search";
    }
}
