package fi.celia.celianet.staff;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The roles that must sign in with a second factor after the password ({@code celianet.security.second-factor-roles},
 * every role by default). Read on every request, so a change takes effect at once.
 */
@Component
public class SecondFactorRoles {

    private volatile Set<Role> roles;

    SecondFactorRoles(@Value("${celianet.security.second-factor-roles:}") Set<Role> roles) {
        set(roles);
    }

    public boolean required(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** Changes the roles for the running application: tests use it to keep one application context. */
    public void set(Set<Role> roles) {
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }
}
