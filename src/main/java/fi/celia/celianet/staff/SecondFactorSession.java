package fi.celia.celianet.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What the second sign-in step keeps in the signed-in session: the permission to enrol a factor (given by an
 * enrolment link opened after the password) and the factor an enrolment proves.
 */
@Component
public class SecondFactorSession {

    private static final String ENROLMENT = SecondFactorSession.class.getName() + ".enrolment";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    /** Whether the sign-in carries a second factor (a passkey, an authenticator app's code or a recovery code). */
    public static boolean secondFactorGiven(Authentication authentication) {
        return authentication != null && SecondFactorRule.hasSecondFactor(authentication);
    }

    /** The enrolment link of this account was opened in this session: it may now enrol a factor. */
    public void allowEnrolment(HttpServletRequest request, UUID account) {
        request.getSession().setAttribute(ENROLMENT, account.toString());
    }

    public boolean enrolmentAllowed(HttpServletRequest request, UUID account) {
        return enrolmentAllowed(request.getSession(false), account);
    }

    static boolean enrolmentAllowed(HttpSession session, UUID account) {
        return session != null && account.toString().equals(session.getAttribute(ENROLMENT));
    }

    public void endEnrolment(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ENROLMENT);
        }
    }

    /**
     * Adds the factor an enrolment just proved (the authenticator app's first code, the new passkey) to the
     * signed-in user's sign-in, with a new session id, as a sign-in with that factor would.
     */
    public void grantEnrolledFactor(boolean passkey, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = contexts.getContext().getAuthentication();
        if (!SecondFactorRule.signedInWithPassword(current)) {
            throw new IllegalStateException("enrolment without a password sign-in");
        }
        String factor = passkey ? FactorGrantedAuthority.WEBAUTHN_AUTHORITY : SecondFactorRule.TOTP_AUTHORITY;
        Authentication updated = current.toBuilder()
                .authorities(authorities -> authorities.add(FactorGrantedAuthority.fromAuthority(factor)))
                .build();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(updated);
        contexts.setContext(context);
        request.changeSessionId();
        repository.saveContext(context, request, response);
    }
}
