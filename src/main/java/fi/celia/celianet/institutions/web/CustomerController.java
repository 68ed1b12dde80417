package fi.celia.celianet.institutions.web;

import fi.celia.celianet.institutions.internal.InstitutionCustomers;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The community customers, for service staff. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class CustomerController {

    private final InstitutionCustomers customers;

    CustomerController(InstitutionCustomers customers) {
        this.customers = customers;
    }

    /** A search with an unusable value (a control character, too long) lists nothing and says why on the field. */
    @GetMapping("/institutions")
    public String list(@Valid @ModelAttribute("search") CustomerSearchForm search, BindingResult errors, Model model) {
        model.addAttribute("customers", errors.hasErrors() ? null : customers.search(search.getQ()));
        return "institutions/customers";
    }

    @GetMapping("/institutions/customers/{id}")
    public String show(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.get(id));
        return "institutions/customer";
    }
}
