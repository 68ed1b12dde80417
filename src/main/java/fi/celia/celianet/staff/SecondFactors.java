package fi.celia.celianet.staff;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.TokenState;
import fi.celia.celianet.staff.internal.AuthenticatorApps;
import fi.celia.celianet.staff.internal.Passkeys;
import fi.celia.celianet.staff.internal.RecoveryCodes;
import fi.celia.celianet.staff.internal.StaffAccountRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's second sign-in factors: what they have, the enrolment link, enrolling an authenticator app or a
 * passkey (each gives ten new recovery codes, shown once), and an administrator's removal of them all.
 */
@Service
public class SecondFactors {

    private final StaffAccountRepository accounts;
    private final AuthenticatorApps apps;
    private final Passkeys passkeys;
    private final RecoveryCodes recoveryCodes;
    private final CredentialTokens tokens;
    private final StaffMail mail;
    private final StaffAccounts staffAccounts;
    private final AuditLog audit;

    SecondFactors(
            StaffAccountRepository accounts,
            AuthenticatorApps apps,
            Passkeys passkeys,
            RecoveryCodes recoveryCodes,
            CredentialTokens tokens,
            StaffMail mail,
            StaffAccounts staffAccounts,
            AuditLog audit) {
        this.accounts = accounts;
        this.apps = apps;
        this.passkeys = passkeys;
        this.recoveryCodes = recoveryCodes;
        this.tokens = tokens;
        this.mail = mail;
        this.staffAccounts = staffAccounts;
        this.audit = audit;
    }

    /** What a staff member has enrolled. */
    public record Status(boolean app, boolean passkey, int recoveryCodes) {
        public boolean enrolled() {
            return app || passkey;
        }
    }

    @Transactional(readOnly = true)
    public Status status(StaffPrincipal user) {
        return new Status(
                apps.enrolled(user.id()), passkeys.enrolled(user.username()), recoveryCodes.remaining(user.id()));
    }

    /** What an account has enrolled, as its administrator sees it. */
    @Transactional(readOnly = true)
    public Status statusOf(StaffAccount account) {
        return new Status(
                apps.enrolled(account.getId()),
                passkeys.enrolled(account.getUsername()),
                recoveryCodes.remaining(account.getId()));
    }

    /**
     * Mails the account a new enrolment link: to a user with no factor yet, or to one who has just given a second
     * factor (a recovery code, to replace the lost authenticator). Anyone else asks an administrator.
     *
     * @return whether a link was sent
     */
    @Transactional
    public boolean sendEnrolmentLink(StaffPrincipal user, boolean secondFactorGiven) {
        if (!secondFactorGiven && status(user).enrolled()) {
            return false;
        }
        StaffAccount account = accounts.findById(user.id()).orElseThrow();
        mail.secondFactorEnrolment(account);
        audit.success(user.username(), AuditEvent.SECOND_FACTOR_ENROLMENT_SENT, "STAFF_ACCOUNT", user.id(), null);
        return true;
    }

    /** Whether an enrolment link still works (whoever's it is: going on with it checks that). */
    @Transactional(readOnly = true)
    public TokenState enrolmentLinkState(String token) {
        return tokens.inspect(token, Set.of(TokenPurpose.STAFF_SECOND_FACTOR));
    }

    /** Uses up the enrolment link when it is this user's and still valid. */
    @Transactional
    public TokenState openEnrolment(String token, StaffPrincipal user) {
        return tokens.use(token, TokenPurpose.STAFF_SECOND_FACTOR, user.id());
    }

    public AuthenticatorApps.Enrolment newApp(StaffPrincipal user) {
        return apps.newEnrolment(user.username());
    }

    /** The same new secret again, when its first code was wrong. */
    public AuthenticatorApps.Enrolment sameApp(StaffPrincipal user, String secret) {
        return new AuthenticatorApps.Enrolment(secret, AuthenticatorApps.otpauthUri(user.username(), secret));
    }

    /**
     * Enrols the authenticator app whose secret the user was shown, when the code is its current one.
     *
     * @return the new recovery codes, to be shown once; empty when the code was wrong
     */
    @Transactional
    public Optional<List<String>> enrolApp(StaffPrincipal user, String secret, String code) {
        if (!apps.confirm(user.id(), secret, code)) {
            return Optional.empty();
        }
        audit.success(user.username(), AuditEvent.SECOND_FACTOR_ENROLLED, "STAFF_ACCOUNT", user.id(), "app");
        return Optional.of(recoveryCodes.issue(user.id()));
    }

    /**
     * After the browser registered a passkey: confirms it is there.
     *
     * @return the new recovery codes, to be shown once; empty when no passkey was registered
     */
    @Transactional
    public Optional<List<String>> enrolledPasskey(StaffPrincipal user) {
        if (!passkeys.enrolled(user.username())) {
            return Optional.empty();
        }
        audit.success(user.username(), AuditEvent.SECOND_FACTOR_ENROLLED, "STAFF_ACCOUNT", user.id(), "passkey");
        return Optional.of(recoveryCodes.issue(user.id()));
    }

    /**
     * Removes every factor and recovery code of the account (its owner lost them), ends the account's sessions (one
     * may be in the hands of whoever has the lost authenticator) and mails a new enrolment link.
     */
    @Transactional
    public void removeAll(UUID accountId, String actor) {
        StaffAccount account = accounts.findById(accountId).orElseThrow();
        apps.remove(accountId);
        passkeys.remove(account.getUsername());
        recoveryCodes.remove(accountId);
        staffAccounts.endSessions(account);
        mail.secondFactorEnrolment(account);
        audit.success(actor, AuditEvent.SECOND_FACTOR_REMOVED, "STAFF_ACCOUNT", accountId, null);
    }
}
