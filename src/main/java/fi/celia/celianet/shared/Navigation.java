package fi.celia.celianet.shared;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which parts of the main navigation the signed-in user may use, worked out once per page through the role
 * hierarchy (the layout calls {@code ${@navigation.current()}}) rather than by a dozen security expressions in
 * the template. A bean rather than a model attribute, so error pages and exception handlers get it too.
 */
@Component("navigation")
public class Navigation {

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
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return new Menu(true, granted.contains("ROLE_REGISTRAR"), granted.contains("ROLE_STAFF"),
                granted.contains("ROLE_MAIN_USER"), granted.contains("ROLE_ADMIN"));
    }

    /** What the navigation shows; each part follows the role the pages behind it require. */
    public record Menu(boolean signedIn, boolean registrar, boolean staff, boolean mainUser, boolean admin) {

        static final Menu SIGNED_OUT = new Menu(false, false, false, false, false);
    }
}
