package fi.celia.celianet.staff.web;

import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.staff.StaffAccounts.PasswordRefusal;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in staff member changes their own password, giving the current one first. */
@Controller
class ChangePasswordController {

    private static final String PATH = "/profile/password";

    private final StaffAccounts accounts;

    ChangePasswordController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("form", new ChangePasswordForm());
        return "staff/change-password";
    }

    @PostMapping(PATH)
    String change(
            @Valid @ModelAttribute("form") ChangePasswordForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword")
                && !errors.hasFieldErrors("confirmPassword")
                && !Objects.equals(form.getNewPassword(), form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "credentials.password.error.mismatch");
        }
        if (errors.hasErrors()) {
            return "staff/change-password";
        }
        Optional<PasswordRefusal> refusal = accounts.changePassword(
                user.id(),
                form.getCurrentPassword(),
                form.getNewPassword(),
                request.getSession().getId());
        if (refusal.isPresent()) {
            errors.rejectValue(refusal.get().field(), refusal.get().messageKey());
            return "staff/change-password";
        }
        redirect.addFlashAttribute("flashMessage", "staff.password.changed");
        return "redirect:/";
    }
}
