package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.CurrentWindow;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.maintenance.WindowDetails;
import fi.celia.celianet.maintenance.WindowRejectedException;
import fi.celia.celianet.maintenance.internal.AnnouncementProgress;
import fi.celia.celianet.maintenance.internal.Announcements;
import fi.celia.celianet.maintenance.internal.SendingKind;
import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.RecipientCount;
import fi.celia.celianet.shared.CountCache;
import fi.celia.celianet.shared.Counted;
import fi.celia.celianet.shared.FieldProblems;
import fi.celia.celianet.shared.NotFoundException;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

/**
 * Administrators (the signed-in principal names the actor) schedule, reschedule, end early and cancel maintenance
 * windows, and send their announcements ({@code /admin/**} is admin-only). Saving a window sends no mail: the
 * window's page counts the audiences and previews the mails, the administrator chooses whom to tell and when,
 * and a confirmation page repeats the counts before anything is queued.
 */
@Controller
@RequestMapping("/admin/maintenance")
class MaintenanceAdminController {

    private static final String BASE = "/admin/maintenance";

    private final MaintenanceWindows windows;
    private final AnnouncementProgress progress;
    private final Announcements announcements;
    private static final String AUDIENCE_COUNTS = "maintenance.audience-counts";

    private final CountCache counts;
    private final Clock clock;

    MaintenanceAdminController(
            MaintenanceWindows windows,
            AnnouncementProgress progress,
            Announcements announcements,
            CountCache counts,
            Clock clock) {
        this.windows = windows;
        this.progress = progress;
        this.announcements = announcements;
        this.counts = counts;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("windows", windows.all());
        return "maintenance/windows";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        var form = new WindowForm();
        form.getChannels().add(ContactChannel.EMAIL);
        model.addAttribute("form", form);
        return form(model, null);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") WindowForm form,
            BindingResult errors,
            Principal user,
            Model model,
            RedirectAttributes redirect) {
        WindowDetails details = form.toDetails(errors);
        FieldProblems.reject(errors, windows.validate(details));
        if (errors.hasErrors()) {
            return form(model, null);
        }
        try {
            UUID id = windows.create(details, user.getName());
            redirect.addFlashAttribute("flashMessage", "maintenance.window.created");
            return "redirect:" + BASE + "/" + id;
        } catch (WindowRejectedException e) {
            FieldProblems.reject(errors, e.problems());
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        CurrentWindow window = windows.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", WindowForm.of(window.window()));
        return form(model, window);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") WindowForm form,
            BindingResult errors,
            Principal user,
            Model model,
            RedirectAttributes redirect) {
        CurrentWindow window = windows.find(id).orElseThrow(NotFoundException::new);
        WindowDetails details = form.toDetails(errors);
        FieldProblems.reject(errors, windows.validate(details));
        if (!window.state().isOpenForChange()) {
            model.addAttribute("changeRefused", true);
            return form(model, window);
        }
        if (errors.hasErrors()) {
            return form(model, window);
        }
        try {
            windows.update(id, form.getLockVersion(), details, user.getName());
            redirect.addFlashAttribute("flashMessage", "maintenance.window.saved");
            return "redirect:" + BASE + "/" + id;
        } catch (WindowRejectedException e) {
            FieldProblems.reject(errors, e.problems());
            return form(model, window);
        }
    }

    /** The confirmation page: the chosen audiences counted again, by language; nothing is queued yet. */
    @GetMapping("/{id}/send")
    String confirm(
            @PathVariable UUID id,
            @Valid @ModelAttribute("sendForm") SendForm sendForm,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CurrentWindow window = windows.find(id).orElseThrow(NotFoundException::new);
        SendingKind kind = announcements.offered(window.window(), announcements.sendingsOf(id));
        if (kind == null) {
            redirect.addFlashAttribute("flashProblem", "maintenance.send.notAllowed");
            return "redirect:" + BASE + "/" + id;
        }
        if (sendForm.scheduled() && !canSchedule(window)) {
            errors.rejectValue("when", "maintenance.send.error.announcePassed");
        }
        if (errors.hasErrors()) {
            model.addAttribute("form", WindowForm.of(window.window()));
            return form(model, window);
        }
        List<RecipientCount> counts = announcements.count(sendForm.getAudiences());
        model.addAttribute("window", window);
        model.addAttribute("kind", kind);
        model.addAttribute("counts", new AudienceCounts(counts, sendForm.getAudiences()));
        model.addAttribute("sendingId", UUID.randomUUID());
        return "maintenance/send-confirm";
    }

    /** Carries out a confirmed sending; the same confirmation sent again does nothing more. */
    @PostMapping("/{id}/sendings")
    String send(
            @PathVariable UUID id,
            @RequestParam UUID sendingId,
            @RequestParam SendingKind kind,
            @RequestParam Set<Audience> audiences,
            @RequestParam String when,
            @RequestParam int expected,
            Principal user,
            RedirectAttributes redirect) {
        requireWindow(id);
        var result = announcements.send(
                sendingId, id, kind, audiences, SendForm.SCHEDULED.equals(when), expected, user.getName());
        switch (result.outcome()) {
            case QUEUED -> redirect.addFlashAttribute("flashMessage", "maintenance.send.queued");
            case SCHEDULED -> redirect.addFlashAttribute("flashMessage", "maintenance.send.scheduled");
            case ALREADY_DONE -> redirect.addFlashAttribute("flashMessage", "maintenance.send.alreadyDone");
            case NOT_ALLOWED -> redirect.addFlashAttribute("flashProblem", "maintenance.send.notAllowed");
        }
        return "redirect:" + BASE + "/" + id;
    }

    /** Each language's mail for each audience, as it would go out now. */
    @GetMapping("/{id}/preview")
    String preview(@PathVariable UUID id, Model model) {
        CurrentWindow window = windows.find(id).orElseThrow(NotFoundException::new);
        SendingKind kind = announcements.offered(window.window(), announcements.sendingsOf(id));
        SendingKind shown = kind == null ? SendingKind.ANNOUNCEMENT : kind;
        model.addAttribute("window", window);
        model.addAttribute("kind", shown);
        model.addAttribute("mails", announcements.preview(window.window(), shown));
        return "maintenance/send-preview";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, Principal user, RedirectAttributes redirect) {
        requireWindow(id);
        boolean done = windows.cancel(id, user.getName());
        redirect.addFlashAttribute(
                "flashMessage", done ? "maintenance.window.cancelled" : "maintenance.window.notCancelled");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping("/{id}/end")
    String endEarly(@PathVariable UUID id, Principal user, RedirectAttributes redirect) {
        requireWindow(id);
        boolean done = windows.endEarly(id, user.getName());
        redirect.addFlashAttribute("flashMessage", done ? "maintenance.window.ended" : "maintenance.window.notEnded");
        return "redirect:" + BASE + "/" + id;
    }

    private void requireWindow(UUID id) {
        if (windows.find(id).isEmpty()) {
            throw new NotFoundException();
        }
    }

    private String form(Model model, CurrentWindow window) {
        model.addAttribute("window", window);
        model.addAttribute("allServices", ClosableService.values());
        model.addAttribute("allChannels", ContactChannel.values());
        if (window != null) {
            UUID id = window.window().id();
            var sent = announcements.sendingsOf(id);
            model.addAttribute("mailProgress", progress.of(id));
            model.addAttribute("sendings", sent);
            model.addAttribute("offered", announcements.offered(window.window(), sent));
            model.addAttribute("canSchedule", canSchedule(window));
            model.addAttribute("allAudiences", Audience.values());
            // Counting every audience reads every patron: the window's page shows the counts kept for a few
            // minutes, with their age; the confirmation page counts again before anything is queued.
            Counted<AudienceCounts> audienceCounts = counts.get(
                    AUDIENCE_COUNTS,
                    () -> new AudienceCounts(announcements.countEach(), EnumSet.allOf(Audience.class)));
            model.addAttribute("audienceCounts", audienceCounts.value());
            model.addAttribute("audienceCounted", audienceCounts);
            if (!model.containsAttribute("sendForm")) {
                model.addAttribute("sendForm", new SendForm());
            }
        }
        return "maintenance/window-form";
    }

    /** A sending can wait for the announce-from time while that time is still ahead. */
    private boolean canSchedule(CurrentWindow window) {
        return window.window().announceFrom().isAfter(Instant.now(clock));
    }
}
