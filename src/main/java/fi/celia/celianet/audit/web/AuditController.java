package fi.celia.celianet.audit.web;

import java.time.LocalDate;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditLog.AuditFilter;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.calendar.Helsinki;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new AuditFilter(actor, action, outcome, from == null ? null : Helsinki.startOfDay(from),
                to == null ? null : Helsinki.startOfDay(to.plusDays(1)));
        model.addAttribute("result", audit.search(filter, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/list";
    }
}
