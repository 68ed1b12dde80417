package fi.celia.celianet.staff;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member. Carries no password once signed in. */
public record StaffPrincipal(
        UUID id,
        String username,
        String displayName,
        Role role,
        UUID organisationId,
        String language,
        String password,
        boolean enabled)
        implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Service staff and administrators act for every organisation. */
    public boolean isServiceStaff() {
        return role == Role.STAFF || role == Role.ADMIN;
    }

    /**
     * The one rule for acting on an organisation's behalf (its patrons, their subscriptions): service staff
     * act for every organisation, everyone else for their own.
     */
    public boolean mayActFor(UUID organisation) {
        return isServiceStaff() || (organisationId != null && organisationId.equals(organisation));
    }

    public boolean isMainUser() {
        return role == Role.MAIN_USER;
    }

    StaffPrincipal withoutPassword() {
        return new StaffPrincipal(id, username, displayName, role, organisationId, language, null, enabled);
    }
}
