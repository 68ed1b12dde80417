package fi.celia.celianet.credentials.web;

import fi.celia.celianet.credentials.LinkView;
import fi.celia.celianet.credentials.TokenPurpose;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the set-password, link-problem and done pages are told about where their account signs in. The templates
 * read two model attributes:
 * <ul>
 * <li>{@value #SIGN_IN_AT}: {@value #LIBRARY} for patrons and institution customers, who sign in to the library
 * service and its reader apps (named and linked by the {@code patronService} bean), or {@value #STAFF} for staff,
 * who sign in to Celianet;</li>
 * <li>{@value #USER_NAME}: the name the account signs in with (a patron's or customer's number, a staff user name),
 * shown when known.</li>
 * </ul>
 */
final class LinkPages {

    static final String SIGN_IN_AT = "signInAt";
    static final String USER_NAME = "userName";
    static final String LIBRARY = "library";
    static final String STAFF = "staff";
    static final String SET_PASSWORD = "credentials/set-password";

    private LinkPages() {}

    /**
     * Adds where the link's account signs in; a link that is not known falls back to the audience of the page it
     * was opened on.
     */
    static void describe(LinkView link, Set<TokenPurpose> accepted, Model model) {
        boolean library = link.purpose() != null
                ? link.libraryService()
                : accepted.stream().allMatch(TokenPurpose::libraryService);
        model.addAttribute(SIGN_IN_AT, library ? LIBRARY : STAFF);
        if (link.userName() != null) {
            model.addAttribute(USER_NAME, link.userName());
        }
    }

    /** The redirect after a password was set: the done page of the account's audience, with its user name. */
    static String done(LinkView link, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashMessage", "credentials.done.flash");
        if (link.userName() != null) {
            redirect.addFlashAttribute(USER_NAME, link.userName());
        }
        return link.libraryService() ? "redirect:/account/done" : "redirect:/password/done";
    }
}
