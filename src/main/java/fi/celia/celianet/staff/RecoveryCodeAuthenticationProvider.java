package fi.celia.celianet.staff;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.staff.TotpAuthenticationProvider.SecondFactorCode;
import fi.celia.celianet.staff.internal.RecoveryCodes;
import fi.celia.celianet.staff.internal.SignInThrottle;
import java.io.Serial;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * A single-use recovery code in place of the lost authenticator, checked against the codes of the account that
 * signed in with its password. Grants {@link SecondFactorRule#RECOVERY_CODE_AUTHORITY}; a used code never works
 * again.
 */
final class RecoveryCodeAuthenticationProvider implements AuthenticationProvider {

    private final RecoveryCodes codes;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    RecoveryCodeAuthenticationProvider(RecoveryCodes codes, SignInThrottle throttle, AuditLog audit) {
        this.codes = codes;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Code code = (Code) authentication;
        return TotpAuthenticationProvider.verify(
                code,
                SecondFactorRule.RECOVERY_CODE_AUTHORITY,
                AuditEvent.RECOVERY_CODE_USED,
                throttle,
                audit,
                () -> codes.use(code.getPrincipal().id(), code.getCredentials()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Code.class.isAssignableFrom(authentication);
    }

    /** A recovery code, for the staff member signed in with the password. */
    static final class Code extends SecondFactorCode {
        @Serial
        private static final long serialVersionUID = 1L;

        Code(StaffPrincipal principal, String code, String address) {
            super(principal, code, address);
        }
    }
}
