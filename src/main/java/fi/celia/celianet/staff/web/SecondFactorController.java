package fi.celia.celianet.staff.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import fi.celia.celianet.credentials.TokenState;
import fi.celia.celianet.staff.SecondFactorSession;
import fi.celia.celianet.staff.SecondFactors;
import fi.celia.celianet.staff.StaffPrincipal;
import fi.celia.celianet.staff.internal.AuthenticatorApps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second sign-in step and the enrolment of a factor. The step's form posts to the sign-in filter
 * ({@code POST /sign-in/second-factor}); these are its pages, reached after the password.
 */
@Controller
class SecondFactorController {

    private static final String SECOND_FACTOR = "/sign-in/second-factor";

    private final SecondFactors factors;
    private final SecondFactorSession session;

    SecondFactorController(SecondFactors factors, SecondFactorSession session) {
        this.factors = factors;
        this.session = session;
    }

    /** The layout shows no navigation on these pages: nothing else opens before the second step is done. */
    @ModelAttribute("secondStep")
    boolean secondStep() {
        return true;
    }

    @GetMapping(SECOND_FACTOR)
    String secondFactor(@AuthenticationPrincipal StaffPrincipal user, HttpServletRequest request, Model model) {
        model.addAttribute("factors", factors.status(user));
        // the sign-in filter's refusals (?error, ?recoveryError) mark their field
        model.addAttribute("codeError", request.getParameter("error") != null);
        model.addAttribute("recoveryError", request.getParameter("recoveryError") != null);
        return "staff/second-factor";
    }

    @PostMapping(SECOND_FACTOR + "/enrolment-link")
    String sendEnrolmentLink(
            @AuthenticationPrincipal StaffPrincipal user, Authentication authentication, RedirectAttributes redirect) {
        if (factors.sendEnrolmentLink(user, SecondFactorSession.secondFactorGiven(authentication))) {
            redirect.addFlashAttribute("flashMessage", "staff.secondFactor.linkSent");
        } else {
            redirect.addFlashAttribute("flashProblem", "staff.secondFactor.askAdministrator");
        }
        return "redirect:" + SECOND_FACTOR;
    }

    /** After a recovery code: how many are left, and the way to a new authenticator. */
    @GetMapping(SECOND_FACTOR + "/recovered")
    String recovered(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        model.addAttribute("factors", factors.status(user));
        return "staff/recovered";
    }

    /**
     * The mailed link, opened after the password: a page that asks to go on, so that opening the link (a mail
     * client's preview, say) uses nothing up.
     */
    @GetMapping("/sign-in/enrol/{token}")
    String enrolmentLink(@PathVariable String token, HttpServletResponse response, Model model) {
        TokenState state = factors.enrolmentLinkState(token);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("state", state);
        model.addAttribute("token", token);
        return state == TokenState.VALID ? "staff/enrol-open" : "staff/enrol-link";
    }

    /** Going on from the link uses it up and allows this session to enrol a factor, once. */
    @PostMapping("/sign-in/enrol/{token}")
    String openEnrolmentLink(
            @PathVariable String token,
            @AuthenticationPrincipal StaffPrincipal user,
            HttpServletRequest request,
            Model model) {
        TokenState state = factors.openEnrolment(token, user);
        if (state != TokenState.VALID) {
            model.addAttribute("state", state);
            return "staff/enrol-link";
        }
        session.allowEnrolment(request, user.id());
        return "redirect:/sign-in/enrol";
    }

    @GetMapping("/sign-in/enrol")
    String enrol(
            @AuthenticationPrincipal StaffPrincipal user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!session.enrolmentAllowed(request, user.id())) {
            return "redirect:" + SECOND_FACTOR;
        }
        return enrolPage(factors.newApp(user), response, model);
    }

    @PostMapping("/sign-in/enrol/app")
    String enrolApp(
            @RequestParam(defaultValue = "") String secret,
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal StaffPrincipal user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!session.enrolmentAllowed(request, user.id())) {
            return "redirect:" + SECOND_FACTOR;
        }
        Optional<List<String>> codes = factors.enrolApp(user, secret, code);
        if (codes.isEmpty()) {
            model.addAttribute("codeError", true);
            return enrolPage(factors.sameApp(user, secret), response, model);
        }
        session.endEnrolment(request);
        session.grantEnrolledFactor(false, request, response);
        return recoveryCodes(codes.get(), response, model);
    }

    /** Where the page's script posts once the browser has registered the passkey. */
    @PostMapping("/sign-in/enrol/passkey")
    String enrolledPasskey(
            @AuthenticationPrincipal StaffPrincipal user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!session.enrolmentAllowed(request, user.id())) {
            return "redirect:/";
        }
        Optional<List<String>> codes = factors.enrolledPasskey(user);
        if (codes.isEmpty()) {
            return "redirect:/sign-in/enrol";
        }
        session.endEnrolment(request);
        session.grantEnrolledFactor(true, request, response);
        return recoveryCodes(codes.get(), response, model);
    }

    private static String enrolPage(AuthenticatorApps.Enrolment app, HttpServletResponse response, Model model) {
        // the secret is on the page: never kept by a cache
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("app", app);
        BitMatrix qr = qr(app.otpauthUri());
        model.addAttribute("qrSize", qr.getWidth());
        model.addAttribute("qrPath", svgPath(qr));
        return "staff/enrol";
    }

    /** The recovery codes, shown this once: the answer to the POST itself, never stored in a cache or session. */
    private static String recoveryCodes(List<String> codes, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("codes", codes);
        return "staff/recovery-codes";
    }

    /** The QR code of the authenticator app's set-up link, quiet zone included. */
    private static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dark modules as one SVG path, a unit square each. */
    static String svgPath(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return path.toString();
    }
}
