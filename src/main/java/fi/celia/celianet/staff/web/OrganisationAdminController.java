package fi.celia.celianet.staff.web;

import fi.celia.celianet.shared.ListCursor;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/organisations")
class OrganisationAdminController {

    static final int PAGE_SIZE = 50;

    private final Organisations organisations;
    private final StaffAccounts accounts;

    OrganisationAdminController(Organisations organisations, StaffAccounts accounts) {
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @ModelAttribute("organisationTypes")
    OrganisationType[] organisationTypes() {
        return OrganisationType.values();
    }

    /**
     * A page of the organisations by name, narrowed by the search. A search with an unusable value (a control
     * character, too long) lists nothing and says why on the field; a page link that no page made (400) says so.
     */
    @GetMapping
    String list(
            @Valid @ModelAttribute("filter") ListFilterForm filter,
            BindingResult binding,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<ListCursor> cursor = ListCursor.read(request, response, binding);
        model.addAttribute(
                "listPage", binding.hasErrors() ? null : organisations.list(filter.getQ(), cursor, PAGE_SIZE));
        return "staff/organisations";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new OrganisationForm());
        return "staff/organisation-form";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "staff/organisation-form";
        }
        var organisation = organisations.create(form.details(), user.username());
        redirect.addFlashAttribute("flashMessage", "staff.organisation.created");
        return "redirect:/admin/organisations/" + organisation.getId();
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var organisation = organisations.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", OrganisationForm.of(organisation));
        model.addAttribute("accounts", accounts.ofOrganisation(id));
        return "staff/organisation-form";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect) {
        var organisation = organisations.find(id).orElseThrow(NotFoundException::new);
        if (errors.hasErrors()) {
            model.addAttribute("organisation", organisation);
            model.addAttribute("accounts", accounts.ofOrganisation(id));
            return "staff/organisation-form";
        }
        organisations.update(id, form.details(), user.username());
        redirect.addFlashAttribute("flashMessage", "staff.organisation.saved");
        return "redirect:/admin/organisations/" + id;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(
            @PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes redirect) {
        organisations.deactivate(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.organisation.deactivated");
        return "redirect:/admin/organisations/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes redirect) {
        organisations.activate(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.organisation.activated");
        return "redirect:/admin/organisations/" + id;
    }
}
