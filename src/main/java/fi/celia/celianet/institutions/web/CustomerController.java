package fi.celia.celianet.institutions.web;

import java.util.UUID;

import fi.celia.celianet.institutions.internal.InstitutionCustomers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The community customers, for service staff. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class CustomerController {

    private final InstitutionCustomers customers;

    CustomerController(InstitutionCustomers customers) {
        this.customers = customers;
    }

    @GetMapping("/institutions")
    public String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("customers", customers.search(q));
        return "institutions/customers";
    }

    @GetMapping("/institutions/customers/{id}")
    public String show(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.get(id));
        return "institutions/customer";
    }
}
