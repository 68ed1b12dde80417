package fi.celia.celianet.institutions.web;

import fi.celia.celianet.institutions.internal.AlreadyDecidedException;
import fi.celia.celianet.institutions.internal.ApplicationDecisions;
import fi.celia.celianet.institutions.internal.ApplicationQueue;
import fi.celia.celianet.institutions.internal.ApplicationStatus;
import fi.celia.celianet.institutions.internal.QueueFilter;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff queue of institution applications and the decisions on them. */
@Controller
@RequestMapping("/institutions/applications")
@PreAuthorize("hasRole('STAFF')")
class ApplicationQueueController {

    private static final String BASE = "/institutions/applications/";

    private final ApplicationQueue applications;
    private final ApplicationDecisions decisions;

    ApplicationQueueController(ApplicationQueue applications, ApplicationDecisions decisions) {
        this.applications = applications;
        this.decisions = decisions;
    }

    /** With a filter that is none of the options, the page lists nothing and says so on the field. */
    @GetMapping
    public String queue(
            @Valid @ModelAttribute("filter") QueueFilterForm filter,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model) {
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("assignees", QueueFilterForm.ASSIGNEES);
        model.addAttribute("target", applications.targetWorkingDays());
        if (errors.hasErrors()) {
            model.addAttribute("applications", null);
            model.addAttribute("duplicateBusinessIds", Set.of());
            return "institutions/queue";
        }
        String assignee = filter.getAssignee() == null || filter.getAssignee().isEmpty() ? null : filter.getAssignee();
        ApplicationQueue.Queue queue =
                applications.queue(new QueueFilter(filter.getStatus(), filter.getType(), assignee, user.id()));
        model.addAttribute("applications", queue.entries());
        model.addAttribute("duplicateBusinessIds", queue.duplicateBusinessIds());
        return "institutions/queue";
    }

    @GetMapping("/{id}")
    public String show(@PathVariable UUID id, Model model) {
        return page(id, model, new RequestInfoForm(), new RejectForm());
    }

    @PostMapping("/{id}/take")
    public String take(
            @PathVariable UUID id,
            @RequestParam(required = false) Long version,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            decisions.take(id, version, user);
        } catch (AlreadyDecidedException decided) {
            return alreadyDecided(id, decided, model, response);
        }
        redirect.addFlashAttribute("flashMessage", "institutions.application.taken");
        return "redirect:" + BASE + id;
    }

    @PostMapping("/{id}/request-info")
    public String requestInfo(
            @PathVariable UUID id,
            @RequestParam(required = false) Long version,
            @Valid @ModelAttribute("infoForm") RequestInfoForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(id, model, form, new RejectForm());
        }
        try {
            decisions.requestInformation(id, version, form.getMessage().strip(), user);
        } catch (AlreadyDecidedException decided) {
            return alreadyDecided(id, decided, model, response);
        }
        redirect.addFlashAttribute("flashMessage", "institutions.application.infoRequested");
        return "redirect:" + BASE + id;
    }

    /**
     * Approving creates the customer and sends credentials at once, so it is asked twice: the application page's
     * button leads to a page that says what will happen, and only its button ({@code confirmed=true}) approves.
     */
    @PostMapping("/{id}/approve")
    public String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) Long version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return confirm(id, version, "approve", null, model, response);
        }
        try {
            decisions.approve(id, version, user);
        } catch (AlreadyDecidedException decided) {
            return alreadyDecided(id, decided, model, response);
        }
        redirect.addFlashAttribute("flashMessage", "institutions.application.approved");
        return "redirect:" + BASE + id;
    }

    /** Rejecting is asked twice like approving: the confirmation page shows the reason the applicant will read. */
    @PostMapping("/{id}/reject")
    public String reject(
            @PathVariable UUID id,
            @RequestParam(required = false) Long version,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @Valid @ModelAttribute("rejectForm") RejectForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(id, model, new RequestInfoForm(), form);
        }
        if (!confirmed) {
            return confirm(id, version, "reject", form.getReason().strip(), model, response);
        }
        try {
            decisions.reject(id, version, form.getReason().strip(), user);
        } catch (AlreadyDecidedException decided) {
            return alreadyDecided(id, decided, model, response);
        }
        redirect.addFlashAttribute("flashMessage", "institutions.application.rejected");
        return "redirect:" + BASE + id;
    }

    /**
     * The page that asks whether to go on with a decision; nothing is changed by showing it. An application decided
     * meanwhile shows its own page with who decided it.
     */
    private String confirm(
            UUID id, Long version, String decision, String reason, Model model, HttpServletResponse response) {
        ApplicationQueue.ApplicationPage page = applications.page(id);
        if (!page.application().status().isOpen()) {
            return alreadyDecided(
                    id,
                    new AlreadyDecidedException(
                            page.application().status(), page.application().decidedBy()),
                    model,
                    response);
        }
        model.addAttribute("app", page.application());
        model.addAttribute("decision", decision);
        model.addAttribute("version", version);
        model.addAttribute("reason", reason);
        return "institutions/confirm-decision";
    }

    private String alreadyDecided(UUID id, AlreadyDecidedException decided, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("alreadyDecided", decided);
        return page(id, model, new RequestInfoForm(), new RejectForm());
    }

    private String page(UUID id, Model model, RequestInfoForm infoForm, RejectForm rejectForm) {
        ApplicationQueue.ApplicationPage page = applications.page(id);
        model.addAttribute("app", page.application());
        model.addAttribute("duplicates", page.duplicates());
        model.addAttribute("history", page.history());
        model.addAttribute("target", applications.targetWorkingDays());
        if (!model.containsAttribute("infoForm")) {
            model.addAttribute("infoForm", infoForm);
        }
        if (!model.containsAttribute("rejectForm")) {
            model.addAttribute("rejectForm", rejectForm);
        }
        return "institutions/application";
    }
}
