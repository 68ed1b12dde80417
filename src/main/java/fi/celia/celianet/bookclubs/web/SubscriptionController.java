package fi.celia.celianet.bookclubs.web;

import fi.celia.celianet.bookclubs.BookClubRefusal;
import fi.celia.celianet.bookclubs.SubscriptionChange;
import fi.celia.celianet.bookclubs.Subscriptions;
import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subscriptions from the patron page: registrars for their own organisation's patrons, service staff for all;
 * anyone else's patron is "not found". Each change redirects back to the patron page, whose book-club fragment
 * shows which shipment it takes effect from. A refused request shows why, with links to fix it.
 */
@Controller
class SubscriptionController {

    static final String NOTICE = "bookclubsNotice";

    private final Subscriptions subscriptions;
    private final MessageSource messages;

    SubscriptionController(Subscriptions subscriptions, MessageSource messages) {
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    @PostMapping("/patrons/{patronId}/subscriptions")
    String subscribe(
            @PathVariable UUID patronId,
            @RequestParam(name = "clubId", required = false) String clubId,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        UUID club = uuid(clubId);
        if (club == null) {
            subscriptions.visibleSubscriber(patronId, user);
            return refused(
                    patronId,
                    new BookClubRefusal("clubId", "bookclubs.subscription.error.chooseClub"),
                    model,
                    response);
        }
        return act(patronId, model, response, redirect, () -> subscriptions.subscribe(patronId, club, user));
    }

    @PostMapping("/patrons/{patronId}/subscriptions/{subscriptionId}/pause")
    String pause(
            @PathVariable UUID patronId,
            @PathVariable UUID subscriptionId,
            @ModelAttribute("change") SubscriptionChangeForm form,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        return act(
                patronId,
                model,
                response,
                redirect,
                () -> subscriptions.pause(patronId, subscriptionId, form.expectedVersion(), form.pauseFrom(), user));
    }

    /** Resumes a paused subscription, or ends one. */
    @PostMapping("/patrons/{patronId}/subscriptions/{subscriptionId}/{action:resume|end}")
    String resumeOrEnd(
            @PathVariable UUID patronId,
            @PathVariable UUID subscriptionId,
            @PathVariable String action,
            @ModelAttribute("change") SubscriptionChangeForm form,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        Long version = form.expectedVersion();
        return act(
                patronId,
                model,
                response,
                redirect,
                () -> "end".equals(action)
                        ? subscriptions.end(patronId, subscriptionId, version, user)
                        : subscriptions.resume(patronId, subscriptionId, version, user));
    }

    private String act(
            UUID patronId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Supplier<SubscriptionChange> change) {
        try {
            SubscriptionChange done = change.get();
            String kind = done.unchanged() ? "UNCHANGED" : done.kind().name();
            String scheduled = done.shipment() == null ? ".unscheduled" : "";
            redirect.addFlashAttribute("flashMessage", "bookclubs.subscription.saved." + kind);
            redirect.addFlashAttribute(
                    NOTICE,
                    new SubscriptionNotice(
                            "bookclubs.notice." + kind + scheduled,
                            done.club().name(LocaleContextHolder.getLocale().getLanguage()),
                            done.effectiveFrom()));
            return "redirect:/patrons/" + patronId;
        } catch (BookClubRefusal refusal) {
            return refused(patronId, refusal, model, response);
        }
    }

    private String refused(UUID patronId, BookClubRefusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("patronId", patronId);
        FieldProblem problem = refusal.problem();
        model.addAttribute(
                "reason",
                messages.getMessage(problem.messageKey(), problem.argumentArray(), LocaleContextHolder.getLocale()));
        model.addAttribute(
                "fixInPatron",
                problem.messageKey().endsWith(".noService")
                        || problem.messageKey().endsWith(".noAddress"));
        return "bookclubs/subscription-refused";
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
