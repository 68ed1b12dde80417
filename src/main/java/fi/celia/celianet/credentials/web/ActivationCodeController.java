package fi.celia.celianet.credentials.web;

import fi.celia.celianet.credentials.ActivationCode;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.LinkView;
import fi.celia.celianet.credentials.PasswordRejectedException;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.TokenState;
import fi.celia.celianet.credentials.internal.CodeAttempts;
import fi.celia.celianet.credentials.spi.LinkPageGate;
import fi.celia.celianet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The short code from a letter or a phone call: {@code GET /activate} asks for it ({@code ?code=} fills it in, as
 * the letter's QR code does), {@code POST /activate} checks it and shows the set-password page, and
 * {@code POST /activate/password} sets the password and uses the code up. Wrong codes are throttled per client
 * ({@link CodeAttempts}); the page closes with the other password pages while a maintenance window closes password
 * resets. No sign-in; nothing is kept in the session, and no answer may be cached.
 */
@Controller
class ActivationCodeController {

    private static final Set<TokenPurpose> CODE = EnumSet.of(TokenPurpose.PATRON_CODE);
    private static final String ENTRY = "credentials/activate";
    private static final String SET_PASSWORD = "credentials/set-password";
    private static final String PASSWORD_ACTION = "/activate/password";

    private final CredentialTokens tokens;
    private final CodeAttempts attempts;
    private final ClientAddress clientAddress;
    private final List<LinkPageGate> gates;

    ActivationCodeController(
            CredentialTokens tokens, CodeAttempts attempts, ClientAddress clientAddress, List<LinkPageGate> gates) {
        this.tokens = tokens;
        this.attempts = attempts;
        this.clientAddress = clientAddress;
        this.gates = gates;
    }

    @GetMapping("/activate")
    String entry(
            @RequestParam(name = "code", required = false) String code, Model model, HttpServletResponse response) {
        noStore(response);
        String refused = refused(model, response);
        if (refused != null) {
            return refused;
        }
        var form = new ActivationCodeForm();
        form.setCode(code == null ? null : code.strip());
        model.addAttribute("form", form);
        return ENTRY;
    }

    @PostMapping("/activate")
    String check(
            @Valid @ModelAttribute("form") ActivationCodeForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        noStore(response);
        String refused = refused(model, response);
        if (refused != null) {
            return refused;
        }
        String client = clientAddress.of(request);
        attempts.slowDownIfFlooded();
        if (attempts.refused(client)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            errors.rejectValue("code", "activate.error.throttled");
            return ENTRY;
        }
        if (errors.hasErrors()) {
            return ENTRY;
        }
        String code = ActivationCode.normalise(form.getCode());
        if (code.isEmpty()) {
            errors.rejectValue("code", "activate.error.blank");
            return ENTRY;
        }
        TokenState state = ActivationCode.plausible(code) ? tokens.inspect(code, CODE) : TokenState.UNKNOWN;
        if (state != TokenState.VALID) {
            return problem(state, client, errors, response);
        }
        return setPasswordPage(code, new SetPasswordForm(), model);
    }

    @PostMapping("/activate/password")
    String setPassword(
            @RequestParam(name = "code", required = false) String typed,
            @Valid @ModelAttribute("form") SetPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        noStore(response);
        String refused = refused(model, response);
        if (refused != null) {
            return refused;
        }
        String client = clientAddress.of(request);
        String code = ActivationCode.normalise(typed);
        var entry = new ActivationCodeForm();
        entry.setCode(typed);
        attempts.slowDownIfFlooded();
        if (attempts.refused(client)) {
            return entryWith(entry, "activate.error.throttled", HttpStatus.TOO_MANY_REQUESTS, model, response);
        }
        if (!errors.hasErrors() && !form.getPassword().equals(form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "credentials.password.error.mismatch");
        }
        if (errors.hasErrors()) {
            TokenState state = ActivationCode.plausible(code) ? tokens.inspect(code, CODE) : TokenState.UNKNOWN;
            return state == TokenState.VALID
                    ? setPasswordPage(code, form, model)
                    : entryProblem(entry, state, client, model, response);
        }
        LinkView link = ActivationCode.plausible(code) ? tokens.view(code, CODE) : null;
        TokenState state;
        try {
            state = link != null ? tokens.redeem(code, CODE, form.getPassword()) : TokenState.UNKNOWN;
        } catch (PasswordRejectedException e) {
            errors.rejectValue("password", e.messageKey());
            return setPasswordPage(code, form, model);
        }
        if (state != TokenState.VALID) {
            return entryProblem(entry, state, client, model, response);
        }
        return LinkPages.done(link, redirect);
    }

    private String setPasswordPage(String code, SetPasswordForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kind", "activation");
        model.addAttribute("action", PASSWORD_ACTION);
        model.addAttribute("hiddenFields", Map.of("code", code));
        LinkPages.describe(tokens.view(code, CODE), CODE, model);
        return SET_PASSWORD;
    }

    private String entryProblem(
            ActivationCodeForm entry, TokenState state, String client, Model model, HttpServletResponse response) {
        if (state == TokenState.UNKNOWN) {
            attempts.failed(client);
        }
        return entryWith(entry, problemKey(state), problemStatus(state), model, response);
    }

    private String entryWith(
            ActivationCodeForm entry, String key, HttpStatus status, Model model, HttpServletResponse response) {
        // the entry form under its own name, so that its field error is shown beside the code field
        var binding = new BeanPropertyBindingResult(entry, "form");
        binding.rejectValue("code", key);
        model.addAttribute("form", entry);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
        response.setStatus(status.value());
        return ENTRY;
    }

    private String problem(TokenState state, String client, BindingResult errors, HttpServletResponse response) {
        if (state == TokenState.UNKNOWN) {
            attempts.failed(client);
        }
        errors.rejectValue("code", problemKey(state));
        response.setStatus(problemStatus(state).value());
        return ENTRY;
    }

    private static String problemKey(TokenState state) {
        return switch (state) {
            case EXPIRED -> "activate.error.expired";
            case USED -> "activate.error.used";
            default -> "activate.error.unknown";
        };
    }

    private static HttpStatus problemStatus(TokenState state) {
        return state == TokenState.UNKNOWN ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.GONE;
    }

    /** 503 with the gate's page while a maintenance window closes password resets; nothing is checked. */
    private String refused(Model model, HttpServletResponse response) {
        for (LinkPageGate gate : gates) {
            var refusal = gate.refusal(CODE);
            if (refusal.isPresent()) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                if (refusal.get().retryAfter() != null) {
                    response.setDateHeader(
                            "Retry-After", refusal.get().retryAfter().toEpochMilli());
                }
                model.addAllAttributes(refusal.get().model());
                return refusal.get().view();
            }
        }
        return null;
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
