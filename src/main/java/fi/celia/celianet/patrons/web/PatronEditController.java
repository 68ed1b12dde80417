package fi.celia.celianet.patrons.web;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.internal.Patron;
import fi.celia.celianet.patrons.internal.PatronChanges;
import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronRecords;
import fi.celia.celianet.patrons.internal.PatronRejectedException;
import fi.celia.celianet.shared.FieldProblems;
import fi.celia.celianet.shared.FormBinding;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Keeping the record right: editing details (with history), closing and erasing a patron. */
@Controller
class PatronEditController {

    private final PatronRecords records;
    private final PatronLifecycle lifecycle;
    private final Clock clock;

    PatronEditController(PatronRecords records, PatronLifecycle lifecycle, Clock clock) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        FormBinding.emptyAsNull(binder);
    }

    @GetMapping("/patrons/{id}/edit")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user, Model model) {
        Patron patron = records.open(user, id);
        model.addAttribute("form", formOf(patron));
        model.addAttribute("patron", patron);
        return "patrons/edit";
    }

    @PostMapping("/patrons/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PatronEditForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect) {
        Patron patron = records.open(user, id);
        PatronChanges changes = form.toChanges(errors);
        if (errors.hasErrors()) {
            // every problem at once: the patron rules too, beside what could not be read
            FieldProblems.reject(errors, changes.validate(patron, Helsinki.dateOf(Instant.now(clock))));
            model.addAttribute("patron", patron);
            return "patrons/edit";
        }
        try {
            lifecycle.update(user, id, form.getVersion(), changes);
        } catch (PatronRejectedException rejected) {
            FieldProblems.reject(errors, rejected.problems());
            model.addAttribute("patron", patron);
            return "patrons/edit";
        }
        redirect.addFlashAttribute("flashMessage", "patrons.edit.saved");
        return "redirect:/patrons/" + id;
    }

    @PostMapping("/patrons/{id}/close")
    String close(
            @PathVariable UUID id,
            @RequestParam(name = "reason", required = false) String reason,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500 || text.chars().anyMatch(Character::isISOControl)) {
            // a refusal: the patron page shows it as a problem, never as a success message
            redirect.addFlashAttribute("actionProblem", "patrons.close.reasonRequired");
            records.open(user, id);
            return "redirect:/patrons/" + id;
        }
        boolean closed = lifecycle.close(user, id, text);
        redirect.addFlashAttribute(
                closed ? "flashMessage" : "actionProblem", closed ? "patrons.close.done" : "patrons.close.notActive");
        return "redirect:/patrons/" + id;
    }

    @PostMapping("/patrons/{id}/erase")
    String erase(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user, RedirectAttributes redirect) {
        boolean erased = lifecycle.erase(user, id);
        redirect.addFlashAttribute(
                erased ? "flashMessage" : "actionProblem", erased ? "patrons.erase.done" : "patrons.erase.notClosed");
        return "redirect:/patrons/" + id;
    }

    private static PatronEditForm formOf(Patron patron) {
        PatronChanges c = patron.details();
        var form = new PatronEditForm();
        form.setVersion(patron.version());
        form.setEmail(c.email());
        form.setPhone(c.phone());
        form.setStreetAddress(PostalAddress.streetOf(c.postalAddress()));
        form.setPostalCode(PostalAddress.postalCodeOf(c.postalAddress()));
        form.setCity(PostalAddress.cityOf(c.postalAddress()));
        form.setLanguage(c.language());
        var services = new ArrayList<String>();
        if (c.serviceOnline()) {
            services.add("ONLINE");
        }
        if (c.serviceCdClubs()) {
            services.add("CD_CLUBS");
        }
        form.setServices(services);
        form.setContactName(c.contactName());
        form.setContactRelation(c.contactRelation());
        form.setContactPhone(c.contactPhone());
        form.setContactEmail(c.contactEmail());
        form.setCredentialsTo(c.credentialsTo());
        form.setCredentialsBy(c.credentialsBy());
        form.setGuardianName(c.guardianName());
        form.setGuardianPhone(c.guardianPhone());
        form.setGuardianEmail(c.guardianEmail());
        form.setGuardianConsent(c.guardianConsent());
        return form;
    }
}
