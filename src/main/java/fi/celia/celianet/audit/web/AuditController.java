package fi.celia.celianet.audit.web;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditLog.AuditFilter;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.calendar.Helsinki;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@ModelAttribute("filter") AuditFilterForm form, BindingResult binding, Model model) {
        model.addAttribute("outcomes", AuditOutcome.values());
        if (binding.hasErrors()) {
            model.addAttribute("result", null);
            return "audit/list";
        }
        var filter = new AuditFilter(
                blankToNull(form.getActor()),
                blankToNull(form.getAction()),
                form.getOutcome(),
                form.getFrom() == null ? null : Helsinki.startOfDay(form.getFrom()),
                form.getTo() == null ? null : Helsinki.startOfDay(form.getTo().plusDays(1)));
        model.addAttribute("result", audit.search(filter, Math.max(0, form.getPage()), PAGE_SIZE));
        return "audit/list";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
