package fi.celia.celianet.audit.web;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditLog.AuditFilter;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.calendar.Helsinki;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The audit trail for administrators: filtered by event, user name, outcome and period; paged, newest first. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final MessageSource messages;

    AuditController(AuditLog audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * With an unusable filter (a date that does not exist, a period that ends before it starts) the page lists
     * nothing and says why on the field.
     */
    @GetMapping("/admin/audit")
    String list(@Valid @ModelAttribute("filter") AuditFilterForm form, BindingResult binding, Model model) {
        // the events in the order of their names in the page's language, so the list can be read through
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute(
                "events",
                Arrays.stream(AuditEvent.values())
                        .sorted(Comparator.comparing(
                                (AuditEvent e) -> messages.getMessage(e.messageKey(), null, e.name(), locale)))
                        .toList());
        model.addAttribute("outcomes", AuditOutcome.values());
        LocalDate from = checkedDate(binding, "from", form.getFrom(), form.fromDate());
        LocalDate to = checkedDate(binding, "to", form.getTo(), form.toDate());
        if (from != null && to != null && to.isBefore(from)) {
            binding.rejectValue("to", "audit.error.period");
        }
        if (binding.hasErrors()) {
            model.addAttribute("result", null);
            return "audit/list";
        }
        var filter = new AuditFilter(
                form.getActor(),
                form.getEvent(),
                form.getOutcome(),
                from == null ? null : Helsinki.startOfDay(from),
                to == null ? null : Helsinki.startOfDay(to.plusDays(1)));
        model.addAttribute("result", audit.search(filter, form.getBefore(), form.getAfter(), PAGE_SIZE));
        return "audit/list";
    }

    private static LocalDate checkedDate(BindingResult binding, String field, String typed, LocalDate parsed) {
        if (!binding.hasFieldErrors(field) && typed != null && !typed.isBlank() && parsed == null) {
            binding.rejectValue(field, "audit.error.date");
        }
        return parsed;
    }
}
