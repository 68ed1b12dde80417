package fi.celia.celianet.staff.web;

import fi.celia.celianet.credentials.spi.ForgottenPassword;
import fi.celia.celianet.staff.StaffAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class LoginController {

    private final StaffAccounts accounts;
    private final List<ForgottenPassword> otherAccounts;

    LoginController(StaffAccounts accounts, List<ForgottenPassword> otherAccounts) {
        this.accounts = accounts;
        this.otherAccounts = otherAccounts;
    }

    @GetMapping("/login")
    String login() {
        return "staff/login";
    }

    @GetMapping("/password/forgot")
    String forgotForm(@ModelAttribute("form") ForgotPasswordForm form) {
        return "staff/forgot-password";
    }

    /**
     * Answers the same whether or not the account exists. Staff accounts and the accounts of other modules
     * (institution customers, by customer number or e-mail address) are each asked.
     */
    @PostMapping("/password/forgot")
    String forgot(
            @Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "staff/forgot-password";
        }
        accounts.requestPasswordReset(form.getUsername());
        String typed = form.getUsername().strip();
        otherAccounts.forEach(other -> other.requestReset(typed));
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
