package fi.celia.celianet.staff.web;

import fi.celia.celianet.staff.StaffAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class LoginController {

    private final StaffAccounts accounts;

    LoginController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "staff/login";
    }

    @GetMapping("/password/forgot")
    String forgotForm(@ModelAttribute("form") ForgotPasswordForm form) {
        return "staff/forgot-password";
    }

    /** Answers the same whether or not the account exists. */
    @PostMapping("/password/forgot")
    String forgot(
            @Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "staff/forgot-password";
        }
        accounts.requestPasswordReset(form.getUsername());
        redirect.addFlashAttribute("flashMessage", "staff.forgot.sent");
        return "redirect:/login";
    }

    static class ForgotPasswordForm {
        @NotBlank(message = "{staff.forgot.error.blank}")
        @Size(max = 254, message = "{staff.forgot.error.long}")
        private String username;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }
    }
}
