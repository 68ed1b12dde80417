package fi.celia.celianet.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UrlPathHelper;

/**
 * Which parts of the main navigation the signed-in user may use, worked out once per page through the role
 * hierarchy (the layout calls {@code ${@navigation.current()}}) rather than by a dozen security expressions in
 * the template. A bean rather than a model attribute, so error pages and exception handlers get it too.
 * It also tells which link leads to the page shown, for {@code aria-current}.
 */
@Component("navigation")
public class Navigation {

    /** The links of the main navigation, as the layout writes them. */
    static final List<String> LINKS = List.of(
            "/",
            "/patrons",
            "/patrons/list",
            "/patrons/new",
            "/institutions/applications",
            "/bookclubs",
            "/notices",
            "/notices/manage",
            "/organisation/staff",
            "/admin/organisations",
            "/admin/staff",
            "/admin/maintenance",
            "/admin/audit",
            "/admin/mail");

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final RoleHierarchy roles;

    Navigation(RoleHierarchy roles) {
        this.roles = roles;
    }

    public Menu current() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return Menu.SIGNED_OUT;
        }
        Set<String> granted = roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new Menu(
                true,
                granted.contains("ROLE_REGISTRAR"),
                granted.contains("ROLE_STAFF"),
                granted.contains("ROLE_MAIN_USER"),
                granted.contains("ROLE_ADMIN"),
                whereAmI());
    }

    /**
     * Where the page shown sits in the navigation: the link of the page itself ("/admin/audit"), or the link of
     * its section with a trailing slash (a patron's page, or a form answered by POST, under "/patrons/"); null
     * outside the navigation and on error pages.
     */
    private static String whereAmI() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            return null;
        }
        String path = PATHS.getPathWithinApplication(request);
        boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return place(path, get);
    }

    /** The longest navigation link the path is at or under ("/" only at itself); with "/" appended when under it. */
    static String place(String path, boolean get) {
        if (path == null) {
            return null;
        }
        String page = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String best = null;
        for (String link : LINKS) {
            boolean inside = link.equals("/") ? page.equals("/") : page.equals(link) || page.startsWith(link + "/");
            if (inside && (best == null || link.length() > best.length())) {
                best = link;
            }
        }
        if (best == null) {
            return null;
        }
        return get && best.equals(page) ? best : best.equals("/") ? null : best + "/";
    }

    /**
     * What the navigation shows; each part follows the role the pages behind it require. {@code place} is where
     * the page shown sits (see {@link Navigation#whereAmI()}).
     */
    public record Menu(
            boolean signedIn, boolean registrar, boolean staff, boolean mainUser, boolean admin, String place) {

        static final Menu SIGNED_OUT = new Menu(false, false, false, false, false, null);

        /**
         * The value of {@code aria-current} for the navigation link to {@code link}: "page" on that very page,
         * "true" on a page within its section, otherwise null (no attribute).
         */
        public String current(String link) {
            if (place == null) {
                return null;
            }
            if (place.equals(link)) {
                return "page";
            }
            return place.equals(link + "/") ? "true" : null;
        }
    }
}
