package fi.celia.celianet.patrons.web;

import fi.celia.celianet.patrons.internal.PatronCredentials;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Credentials letters: the letters waiting to be printed for the user's organisation (every organisation's for
 * service staff), one PDF of them all, and marking printed letters as posted.
 */
@Controller
class LetterController {

    private static final String PAGE = "patrons/letters";

    private final PatronCredentials credentials;
    private final Letters letters;
    private final Organisations organisations;

    LetterController(PatronCredentials credentials, Letters letters, Organisations organisations) {
        this.credentials = credentials;
        this.letters = letters;
        this.organisations = organisations;
    }

    @GetMapping("/patrons/letters")
    String list(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        return page(user, model);
    }

    /**
     * One PDF of every waiting letter the user may print, their codes issued now; they are marked printed in the
     * same transaction, so a second click or a second instance finds none of them waiting.
     */
    @PostMapping("/patrons/letters/print")
    Object print(@AuthenticationPrincipal StaffPrincipal user, Model model, HttpServletResponse response) {
        byte[] pdf = credentials.printWaiting(
                user,
                printed -> printed.isEmpty()
                        ? null
                        : letters.render(printed.stream().map(letters::letter).toList()));
        if (pdf == null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("actionProblem", "patrons.letters.noneWaiting");
            return page(user, model);
        }
        return Letters.pdf(pdf, "credentials-letters.pdf");
    }

    @PostMapping("/patrons/letters/{id}/posted")
    String posted(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!credentials.markPosted(user, id)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("actionProblem", "patrons.letters.postedRefused");
            return page(user, model);
        }
        redirect.addFlashAttribute("flashMessage", "patrons.letters.postedSaved");
        return "redirect:/patrons/letters";
    }

    private String page(StaffPrincipal user, Model model) {
        var waiting = credentials.waitingLetters(user);
        var unposted = credentials.unpostedLetters(user);
        Map<UUID, String> names = new HashMap<>();
        Stream.concat(waiting.stream(), unposted.stream())
                .forEach(l -> names.computeIfAbsent(l.organisationId(), organisations::nameOf));
        model.addAttribute("serviceStaff", user.isServiceStaff());
        model.addAttribute("waiting", waiting);
        model.addAttribute("unposted", unposted);
        model.addAttribute("organisationNames", names);
        return PAGE;
    }
}
