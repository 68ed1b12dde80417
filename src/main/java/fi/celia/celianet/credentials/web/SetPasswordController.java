package fi.celia.celianet.credentials.web;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.LinkView;
import fi.celia.celianet.credentials.PasswordRejectedException;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.TokenState;
import fi.celia.celianet.credentials.spi.LinkPageGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages behind every single-use link: staff invitations and resets, patron and customer activation,
 * patron and customer resets. They work without signing in and never send the token onwards in a Referer header.
 * Each says where its account signs in ({@link LinkPages}): patrons and institution customers in the library
 * service, staff in Celianet.
 */
@Controller
class SetPasswordController {

    private static final Set<TokenPurpose> STAFF = EnumSet.of(TokenPurpose.STAFF_INVITATION, TokenPurpose.STAFF_RESET);
    private static final Set<TokenPurpose> ACTIVATION =
            EnumSet.of(TokenPurpose.PATRON_ACTIVATION, TokenPurpose.CUSTOMER_ACTIVATION);
    private static final Set<TokenPurpose> RESET = EnumSet.of(TokenPurpose.PATRON_RESET, TokenPurpose.CUSTOMER_RESET);

    private final CredentialTokens tokens;
    private final List<LinkPageGate> gates;

    SetPasswordController(CredentialTokens tokens, List<LinkPageGate> gates) {
        this.tokens = tokens;
        this.gates = gates;
    }

    @GetMapping("/password/set/{token}")
    String staffForm(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, STAFF, "staff", model, response);
    }

    @PostMapping("/password/set/{token}")
    String staffSubmit(
            @PathVariable String token,
            @Valid @ModelAttribute("form") SetPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return submit(token, STAFF, "staff", form, errors, model, response, redirect);
    }

    @GetMapping("/account/activate/{token}")
    String activationForm(@PathVariable String token, Model model, HttpServletResponse response) {
        String refused = refused(ACTIVATION, model, response);
        if (refused != null) {
            return refused;
        }
        return show(token, ACTIVATION, "activation", model, response);
    }

    @PostMapping("/account/activate/{token}")
    String activationSubmit(
            @PathVariable String token,
            @Valid @ModelAttribute("form") SetPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String refused = refused(ACTIVATION, model, response);
        if (refused != null) {
            return refused;
        }
        return submit(token, ACTIVATION, "activation", form, errors, model, response, redirect);
    }

    @GetMapping("/account/reset/{token}")
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        String refused = refused(RESET, model, response);
        if (refused != null) {
            return refused;
        }
        return show(token, RESET, "reset", model, response);
    }

    @PostMapping("/account/reset/{token}")
    String resetSubmit(
            @PathVariable String token,
            @Valid @ModelAttribute("form") SetPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String refused = refused(RESET, model, response);
        if (refused != null) {
            return refused;
        }
        return submit(token, RESET, "reset", form, errors, model, response, redirect);
    }

    /** After a staff password: sign in to Celianet. */
    @GetMapping("/password/done")
    String staffDone(Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute(LinkPages.SIGN_IN_AT, LinkPages.STAFF);
        return "credentials/done";
    }

    /** After a patron's or an institution customer's password: sign in to the library service. */
    @GetMapping("/account/done")
    String libraryDone(Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute(LinkPages.SIGN_IN_AT, LinkPages.LIBRARY);
        return "credentials/done";
    }

    /** The form posts back to the page it is on: the link's own address. */
    @ModelAttribute("action")
    String action(HttpServletRequest request) {
        return request.getRequestURI();
    }

    private String show(
            String token, Set<TokenPurpose> accepted, String kind, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        LinkView link = tokens.view(token, accepted);
        LinkPages.describe(link, accepted, model);
        if (link.state() != TokenState.VALID) {
            return linkProblem(link.state(), model, response);
        }
        model.addAttribute("form", new SetPasswordForm());
        model.addAttribute("kind", kind);
        return LinkPages.SET_PASSWORD;
    }

    private String submit(
            String token,
            Set<TokenPurpose> accepted,
            String kind,
            SetPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("kind", kind);
        LinkView link = tokens.view(token, accepted);
        LinkPages.describe(link, accepted, model);
        if (!errors.hasErrors() && !form.getPassword().equals(form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "credentials.password.error.mismatch");
        }
        if (errors.hasErrors()) {
            return link.state() == TokenState.VALID
                    ? LinkPages.SET_PASSWORD
                    : linkProblem(link.state(), model, response);
        }
        try {
            TokenState state = tokens.redeem(token, accepted, form.getPassword());
            if (state != TokenState.VALID) {
                return linkProblem(state, model, response);
            }
        } catch (PasswordRejectedException e) {
            errors.rejectValue("password", e.messageKey());
            return LinkPages.SET_PASSWORD;
        }
        return LinkPages.done(link, redirect);
    }

    /**
     * Patron and customer activation and reset links answer 503 while a gate (a maintenance window closing
     * password resets) refuses them; nothing is redeemed. Staff links are never gated.
     */
    private String refused(Set<TokenPurpose> purposes, Model model, HttpServletResponse response) {
        for (LinkPageGate gate : gates) {
            var refusal = gate.refusal(purposes);
            if (refusal.isPresent()) {
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                if (refusal.get().retryAfter() != null) {
                    response.setDateHeader(
                            "Retry-After", refusal.get().retryAfter().toEpochMilli());
                }
                model.addAllAttributes(refusal.get().model());
                model.addAttribute(LinkPages.SIGN_IN_AT, LinkPages.LIBRARY);
                return refusal.get().view();
            }
        }
        return null;
    }

    private static String linkProblem(TokenState state, Model model, HttpServletResponse response) {
        response.setStatus(state == TokenState.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("state", state.name().toLowerCase(Locale.ROOT));
        return "credentials/link-problem";
    }
}
