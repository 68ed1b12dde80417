package fi.celia.celianet.staff;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.staff.internal.AuthenticatorApps;
import fi.celia.celianet.staff.internal.SignInThrottle;
import fi.celia.celianet.staff.internal.SignInThrottle.Refusal;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The authenticator app factor: a six-digit code (RFC 6238) checked against the secret of the account that signed
 * in with its password, so the factor cannot belong to anyone else. Grants {@link SecondFactorRule#TOTP_AUTHORITY}.
 * Wrong codes count in the sign-in throttle like wrong passwords: six digits are guessed otherwise.
 */
final class TotpAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticatorApps apps;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    TotpAuthenticationProvider(AuthenticatorApps apps, SignInThrottle throttle, AuditLog audit) {
        this.apps = apps;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Code code = (Code) authentication;
        return verify(
                code,
                SecondFactorRule.TOTP_AUTHORITY,
                AuditEvent.SECOND_FACTOR,
                throttle,
                audit,
                () -> apps.verify(code.getPrincipal().id(), code.getCredentials()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Code.class.isAssignableFrom(authentication);
    }

    /**
     * Checks the throttle, then the code; audits the outcome; answers the signed-in principal with its role and the
     * factor's authority (the filter adds the password factor of the same sign-in).
     */
    static Authentication verify(
            SecondFactorCode code,
            String factor,
            AuditEvent event,
            SignInThrottle throttle,
            AuditLog audit,
            BooleanSupplier check) {
        StaffPrincipal principal = code.getPrincipal();
        String name = principal.username();
        Refusal refusal = throttle.check(name, code.address());
        if (refusal != Refusal.NONE) {
            throttle.recordFailure(name, code.address());
            throw new SecurityConfiguration.ThrottledException(refusal, code.address());
        }
        if (!check.getAsBoolean()) {
            Refusal now = throttle.recordFailure(name, code.address());
            audit.record(
                    name, event, "STAFF_ACCOUNT", principal.id(), AuditOutcome.FAILURE, "address " + code.address());
            if (now != Refusal.NONE) {
                throw new SecurityConfiguration.ThrottledException(now, code.address());
            }
            throw new BadCredentialsException("wrong code");
        }
        audit.success(name, event, "STAFF_ACCOUNT", principal.id(), "address " + code.address());
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(factor));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** An authenticator app's code, for the staff member signed in with the password. */
    static final class Code extends SecondFactorCode {
        @Serial
        private static final long serialVersionUID = 1L;

        Code(StaffPrincipal principal, String code, String address) {
            super(principal, code, address);
        }
    }

    /** A code typed on the second sign-in step, for the staff member signed in with the password. */
    abstract static class SecondFactorCode extends AbstractAuthenticationToken {
        @Serial
        private static final long serialVersionUID = 1L;

        private final StaffPrincipal principal;
        private final String code;
        private final String address;

        SecondFactorCode(StaffPrincipal principal, String code, String address) {
            super(List.of());
            this.principal = principal;
            this.code = code == null ? "" : code;
            this.address = address;
        }

        @Override
        public StaffPrincipal getPrincipal() {
            return principal;
        }

        @Override
        public String getCredentials() {
            return code;
        }

        String address() {
            return address;
        }
    }
}
