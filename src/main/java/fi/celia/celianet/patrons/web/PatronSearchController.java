package fi.celia.celianet.patrons.web;

import fi.celia.celianet.patrons.internal.KeptSearches;
import fi.celia.celianet.patrons.internal.Patron;
import fi.celia.celianet.patrons.internal.PatronCredentials;
import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronSearch;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.OrganisationChoices;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Patron search, Post/Redirect/Get. The query travels in a POST body, never in a URL, because it may be an identity
 * code; the search's result is kept ({@link KeptSearches}) and the POST answers 303 to its results page,
 * {@code GET /patrons/search/{key}}, which the browser's Back button and the patron page's way back reach again
 * without sending the search anew. A query that cannot be used is answered on the search page itself.
 */
@Controller
class PatronSearchController {

    private final KeptSearches keptSearches;
    private final PatronLifecycle lifecycle;
    private final Organisations organisations;
    private final PatronCredentials credentials;

    PatronSearchController(
            KeptSearches keptSearches,
            PatronLifecycle lifecycle,
            Organisations organisations,
            PatronCredentials credentials) {
        this.keptSearches = keptSearches;
        this.lifecycle = lifecycle;
        this.organisations = organisations;
        this.credentials = credentials;
    }

    @GetMapping("/patrons")
    String page(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        var form = new PatronSearchForm();
        model.addAttribute("search", form);
        return view(user, model, form);
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
        var kept = keptSearches.search(user, form.getQ(), form.organisationFilter(), form.pageIndex());
        if (kept.key() == null) {
            model.addAttribute("result", kept.result());
            return view(user, model, form);
        }
        return "redirect:/patrons/search/" + kept.key();
    }

    /**
     * A kept search's results, shown again without searching: an expired (or unknown) key shows the empty search
     * with a line that says so; another staff account's key is not found.
     */
    @GetMapping("/patrons/search/{key}")
    String kept(@PathVariable String key, @AuthenticationPrincipal StaffPrincipal user, Model model) {
        UUID id = RegistrationForm.uuid(key);
        if (id == null) {
            throw new NotFoundException();
        }
        Optional<KeptSearches.Shown> shown = keptSearches.show(user, id);
        if (shown.isEmpty()) {
            var form = new PatronSearchForm();
            model.addAttribute("search", form);
            model.addAttribute("expired", true);
            return view(user, model, form);
        }
        return results(user, model, shown.get());
    }

    /**
     * Takes over responsibility for a patron found by exact identity code (registrars, for their own organisation,
     * when the patron agreed, naming the search's single-use grant), or moves a patron to another organisation
     * (service staff).
     */
    @PostMapping("/patrons/{id}/transfer")
    String transfer(
            @PathVariable UUID id,
            @ModelAttribute("transfer") TransferForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect) {
        if (!user.isServiceStaff() && !form.isPatronAgreed()) {
            // the same results again, the problem at the check box; the grant stays unused
            UUID grant = form.takeoverGrant();
            var shown = Optional.ofNullable(grant)
                    .flatMap(g -> keptSearches.searchOfGrant(user, g, id))
                    .flatMap(search -> keptSearches.show(user, search))
                    .orElseThrow(NotFoundException::new);
            model.addAttribute("transferProblem", "patrons.transfer.error.agreement");
            return results(user, model, shown);
        }
        lifecycle.transfer(user, id, form.takeoverGrant(), form.targetOrganisation());
        redirect.addFlashAttribute("flashMessage", "patrons.transfer.done");
        return "redirect:/patrons/" + id;
    }

    private String results(StaffPrincipal user, Model model, KeptSearches.Shown shown) {
        PatronSearch result = shown.result();
        var form = PatronSearchForm.of(shown.query());
        form.setOrganisationId(
                shown.organisationFilter() == null
                        ? null
                        : shown.organisationFilter().toString());
        model.addAttribute("search", form);
        model.addAttribute("searchKey", shown.key());
        model.addAttribute("result", result);
        model.addAttribute(
                "organisationNames",
                organisations.namesOf(
                        result.patrons().stream().map(Patron::organisationId).collect(Collectors.toSet())));
        model.addAttribute("credentialStates", credentials.statuses(result.patrons()));
        return view(user, model, form);
    }

    private String view(StaffPrincipal user, Model model, PatronSearchForm form) {
        model.addAttribute("q", form.shownQuery());
        model.addAttribute("organisationFilter", form.organisationFilter());
        model.addAttribute("serviceStaff", user.isServiceStaff());
        model.addAttribute(
                "organisations", OrganisationChoices.of(user.isServiceStaff() ? organisations.active() : List.of()));
        if (!model.containsAttribute("organisationNames")) {
            model.addAttribute("organisationNames", Map.of());
        }
        return "patrons/search";
    }
}
