package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.maintenance.NoticeDetails;
import fi.celia.celianet.maintenance.NoticeKind;
import fi.celia.celianet.maintenance.ServiceNotice;
import fi.celia.celianet.maintenance.ServiceNotices;
import fi.celia.celianet.maintenance.WindowRejectedException;
import fi.celia.celianet.shared.FieldProblems;
import fi.celia.celianet.shared.NotFoundException;
import java.security.Principal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Service staff publish and edit service notices ({@code STAFF}, and so {@code ADMIN}). */
@Controller
@RequestMapping("/notices/manage")
@PreAuthorize("hasRole('STAFF')")
class NoticeAdminController {

    private static final String BASE = "/notices/manage";

    private final ServiceNotices notices;

    NoticeAdminController(ServiceNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("notices", notices.all());
        model.addAttribute("now", notices.now());
        return "maintenance/notices-manage";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", NoticeForm.starting(notices.now()));
        return form(model, null);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") NoticeForm form,
            BindingResult errors,
            Principal user,
            Model model,
            RedirectAttributes redirect) {
        NoticeDetails details = form.toDetails(errors);
        FieldProblems.reject(errors, notices.validate(details));
        if (errors.hasErrors()) {
            return form(model, null);
        }
        try {
            UUID id = notices.create(details, user.getName());
            redirect.addFlashAttribute("flashMessage", "maintenance.notice.created");
            return "redirect:" + BASE + "/" + id;
        } catch (WindowRejectedException e) {
            FieldProblems.reject(errors, e.problems());
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        ServiceNotice notice = notices.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", NoticeForm.of(notice));
        return form(model, notice);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") NoticeForm form,
            BindingResult errors,
            Principal user,
            Model model,
            RedirectAttributes redirect) {
        ServiceNotice notice = notices.find(id).orElseThrow(NotFoundException::new);
        NoticeDetails details = form.toDetails(errors);
        FieldProblems.reject(errors, notices.validate(details));
        if (errors.hasErrors()) {
            return form(model, notice);
        }
        try {
            notices.update(id, form.getLockVersion(), details, user.getName());
            redirect.addFlashAttribute("flashMessage", "maintenance.notice.saved");
            return "redirect:" + BASE + "/" + id;
        } catch (WindowRejectedException e) {
            FieldProblems.reject(errors, e.problems());
            return form(model, notice);
        }
    }

    private String form(Model model, ServiceNotice notice) {
        model.addAttribute("notice", notice);
        model.addAttribute("kinds", NoticeKind.values());
        return "maintenance/notice-form";
    }
}
