package fi.celia.celianet.institutions.web;

import fi.celia.celianet.institutions.internal.CustomerCredentials;
import fi.celia.celianet.institutions.internal.InstitutionCustomers;
import fi.celia.celianet.shared.ListCursor;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The community customers, for service staff. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class CustomerController {

    static final int PAGE_SIZE = 50;

    private final InstitutionCustomers customers;
    private final CustomerCredentials credentials;

    CustomerController(InstitutionCustomers customers, CustomerCredentials credentials) {
        this.customers = customers;
        this.credentials = credentials;
    }

    /**
     * A page of the customers by name, narrowed by the search. A search with an unusable value (a control character,
     * too long) lists nothing and says why on the field; a page link that no page made (400) says so.
     */
    @GetMapping("/institutions")
    public String list(
            @Valid @ModelAttribute("search") CustomerSearchForm search,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<ListCursor> cursor = ListCursor.read(request, response, errors);
        model.addAttribute("listPage", errors.hasErrors() ? null : customers.search(search.getQ(), cursor, PAGE_SIZE));
        return "institutions/customers";
    }

    @GetMapping("/institutions/customers/{id}")
    public String show(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.get(id));
        return "institutions/customer";
    }

    /** The customer account's activation link again, while its password is not set. */
    @PostMapping("/institutions/customers/{id}/account/activation")
    public String resendActivation(
            @PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes redirect) {
        customers.get(id);
        return answer(id, credentials.resendActivation(id, user), redirect);
    }

    /** A reset link for the customer account, once its password is set. */
    @PostMapping("/institutions/customers/{id}/account/reset")
    public String sendReset(
            @PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes redirect) {
        customers.get(id);
        return answer(id, credentials.sendReset(id, user), redirect);
    }

    /** Post/Redirect/Get: a sent mail in the success box, a refusal in the problem box. */
    private static String answer(UUID id, CustomerCredentials.Outcome outcome, RedirectAttributes redirect) {
        String key = "institutions.customers.account." + outcome.name();
        redirect.addFlashAttribute(
                outcome == CustomerCredentials.Outcome.QUEUED ? "flashMessage" : "flashProblem", key);
        return "redirect:/institutions/customers/" + id;
    }
}
