package fi.celia.celianet.staff;

import fi.celia.celianet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The second sign-in step without JavaScript: {@code POST /sign-in/second-factor} with an authenticator app's
 * {@code code} or a {@code recoveryCode}. It works only on top of a password sign-in, for that account, and merges
 * the factors (multi-factor mode), so the session then holds one sign-in with both.
 */
final class SecondFactorFilter extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/sign-in/second-factor";

    private final ClientAddress clientAddress;

    SecondFactorFilter(AuthenticationManager authenticationManager, ClientAddress clientAddress) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
        this.clientAddress = clientAddress;
        setAuthenticationManager(authenticationManager);
        setMfaEnabled(true);
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        setSecurityContextRepository(new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        Authentication current =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (!SecondFactorRule.signedInWithPassword(current)) {
            throw new InsufficientAuthenticationException("sign in with the password first");
        }
        StaffPrincipal principal = (StaffPrincipal) current.getPrincipal();
        String address = clientAddress.of(request);
        String recoveryCode = request.getParameter("recoveryCode");
        if (recoveryCode != null) {
            return getAuthenticationManager()
                    .authenticate(new RecoveryCodeAuthenticationProvider.Code(principal, recoveryCode, address));
        }
        return getAuthenticationManager()
                .authenticate(new TotpAuthenticationProvider.Code(principal, request.getParameter("code"), address));
    }
}
