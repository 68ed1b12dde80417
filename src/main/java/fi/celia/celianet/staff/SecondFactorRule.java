package fi.celia.celianet.staff;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The second-factor rule that Celianet's {@code AuthorizationManagerFactory} adds to every rule but "permit all":
 * a staff member whose role is among {@link SecondFactorRoles} is granted nothing until the sign-in also carries a
 * second factor (a passkey, an authenticator app's code, or a recovery code). Without it the decision names the
 * missing factors, and the access-denied handler sends the user to the second sign-in step.
 */
final class SecondFactorRule implements AuthorizationManager<Object> {

    /** Granted by {@link TotpAuthenticationProvider}: a code from the account's authenticator app. */
    static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    /** Granted by {@link RecoveryCodeAuthenticationProvider}: one of the account's single-use recovery codes. */
    static final String RECOVERY_CODE_AUTHORITY = "FACTOR_RECOVERY_CODE";

    static final Set<String> SECOND_FACTORS =
            Set.of(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, TOTP_AUTHORITY, RECOVERY_CODE_AUTHORITY);

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private static final FactorAuthorizationDecision MISSING = new FactorAuthorizationDecision(List.of(
            RequiredFactorError.createMissing(
                    RequiredFactor.withAuthority(TOTP_AUTHORITY).build()),
            RequiredFactorError.createMissing(RequiredFactor.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                    .build())));

    private final SecondFactorRoles roles;

    SecondFactorRule(SecondFactorRoles roles) {
        this.roles = roles;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, Object object) {
        Authentication user = authentication.get();
        if (user == null
                || !(user.getPrincipal() instanceof StaffPrincipal principal)
                || !roles.required(principal.role())
                || hasSecondFactor(user)) {
            // the rule it is added to decides the rest (a signed-out visitor is refused there)
            return GRANTED;
        }
        return MISSING;
    }

    static boolean hasSecondFactor(Authentication user) {
        return has(user, SECOND_FACTORS);
    }

    static boolean signedInWithPassword(Authentication user) {
        return user != null
                && user.isAuthenticated()
                && user.getPrincipal() instanceof StaffPrincipal
                && has(user, Set.of(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    }

    private static boolean has(Authentication user, Set<String> factors) {
        for (GrantedAuthority authority : user.getAuthorities()) {
            if (factors.contains(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** The second sign-in step's own pages: open to a staff member who has signed in with the password. */
    static AuthorizationManager<RequestAuthorizationContext> passwordSignIn() {
        return (authentication, context) -> new AuthorizationDecision(signedInWithPassword(authentication.get()));
    }

    /**
     * Registering a passkey: after the password, and either with an enrolment link opened in this session or with
     * a second factor already given (adding another passkey).
     */
    static AuthorizationManager<RequestAuthorizationContext> enrolling() {
        return (authentication, context) -> {
            Authentication user = authentication.get();
            if (!signedInWithPassword(user)) {
                return new AuthorizationDecision(false);
            }
            HttpSession session = context.getRequest().getSession(false);
            StaffPrincipal principal = (StaffPrincipal) user.getPrincipal();
            return new AuthorizationDecision(
                    hasSecondFactor(user) || SecondFactorSession.enrolmentAllowed(session, principal.id()));
        };
    }
}
