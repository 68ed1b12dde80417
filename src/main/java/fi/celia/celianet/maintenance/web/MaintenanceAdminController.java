package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.CurrentWindow;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.maintenance.WindowDetails;
import fi.celia.celianet.maintenance.WindowRejectedException;
import fi.celia.celianet.maintenance.internal.AnnouncementProgress;
import fi.celia.celianet.shared.FieldProblems;
import fi.celia.celianet.shared.NotFoundException;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators (the signed-in principal names the actor) schedule, reschedule, end early and cancel maintenance windows ({@code /admin/**} is admin-only). */
@Controller
@RequestMapping("/admin/maintenance")
class MaintenanceAdminController {

    private static final String BASE = "/admin/maintenance";

    private final MaintenanceWindows windows;
    private final AnnouncementProgress progress;

    MaintenanceAdminController(MaintenanceWindows windows, AnnouncementProgress progress) {
        this.windows = windows;
        this.progress = progress;
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
            model.addAttribute("mailProgress", progress.of(window.window().id()));
        }
        return "maintenance/window-form";
    }
}
