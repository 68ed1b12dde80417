package fi.celia.celianet.staff;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.PasswordPolicy;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.spi.PasswordTarget;
import fi.celia.celianet.shared.ListCursor;
import fi.celia.celianet.shared.ListPage;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.internal.ListPages;
import fi.celia.celianet.staff.internal.ListPages.Listing;
import fi.celia.celianet.staff.internal.OrganisationRepository;
import fi.celia.celianet.staff.internal.SignInThrottle;
import fi.celia.celianet.staff.internal.StaffAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class StaffAccounts implements PasswordTarget {

    /** By user name (unique: its constraint's index gives the order); searched by trigrams. */
    private static final Listing LISTING =
            new Listing("staff_account", "username", List.of("username", "display_name"));

    static final int RESETS_PER_HOUR = 3;

    private final StaffAccountRepository accounts;
    private final OrganisationRepository organisations;
    private final StaffMail mail;
    private final CredentialTokens tokens;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final SignInThrottle lockout;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ListPages pages;

    StaffAccounts(
            StaffAccountRepository accounts,
            OrganisationRepository organisations,
            StaffMail mail,
            CredentialTokens tokens,
            FindByIndexNameSessionRepository<?> sessions,
            SignInThrottle lockout,
            AuditLog audit,
            Clock clock,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ListPages pages) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.mail = mail;
        this.tokens = tokens;
        this.sessions = sessions;
        this.lockout = lockout;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.encoder = encoder;
        this.pages = pages;
    }

    /** Creates the account without a password and sends an invitation to set one. */
    @Transactional
    public StaffAccount create(NewStaffAccount request, String actor) {
        String username = normalise(request.username());
        if (accounts.existsByUsername(username)) {
            throw new UsernameTakenException();
        }
        Instant now = Instant.now(clock);
        var account = new StaffAccount(UUID.randomUUID(), username, now);
        account.update(
                request.displayName().trim(),
                request.email().trim(),
                language(request.language()),
                request.role(),
                request.organisationId(),
                now);
        accounts.saveAndFlush(account);
        mail.invitation(account);
        audit.success(
                actor,
                AuditEvent.STAFF_CREATED,
                "STAFF_ACCOUNT",
                account.getId(),
                username + " " + request.role()
                        + (request.organisationId() == null ? "" : " " + request.organisationId()));
        return account;
    }

    @Transactional
    public StaffAccount update(
            UUID id, String displayName, String email, String language, Role role, UUID organisationId, String actor) {
        StaffAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
        account.update(displayName.trim(), email.trim(), language(language), role, organisationId, Instant.now(clock));
        endSessions(account);
        audit.success(actor, AuditEvent.STAFF_UPDATED, "STAFF_ACCOUNT", id, account.getUsername() + " " + role);
        return account;
    }

    /** Deactivates the account: its sessions end at once and its links stop working. */
    @Transactional
    public void deactivate(UUID id, String actor) {
        StaffAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
        account.setActive(false, Instant.now(clock));
        tokens.revokeAll(id);
        endSessions(account);
        audit.success(actor, AuditEvent.STAFF_DEACTIVATED, "STAFF_ACCOUNT", id, account.getUsername());
    }

    /** Ends every open session of the account (its owner is signed out everywhere), audited. */
    @Transactional
    public void endSessions(UUID id, String actor) {
        StaffAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
        int ended = endSessions(account);
        audit.success(
                actor,
                AuditEvent.STAFF_SESSIONS_ENDED,
                "STAFF_ACCOUNT",
                id,
                account.getUsername() + " " + ended + " sessions");
    }

    @Transactional
    public void activate(UUID id, String actor) {
        StaffAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
        account.setActive(true, Instant.now(clock));
        audit.success(actor, AuditEvent.STAFF_ACTIVATED, "STAFF_ACCOUNT", id, account.getUsername());
    }

    @Transactional
    public void unlock(UUID id, String actor) {
        StaffAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
        lockout.clear(account.getUsername());
        audit.success(actor, AuditEvent.STAFF_UNLOCKED, "STAFF_ACCOUNT", id, account.getUsername());
    }

    /** Sends a new invitation; the earlier link stops working when the new one is sent. */
    @Transactional
    public void resendInvitation(UUID id, String actor) {
        StaffAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
        mail.invitation(account);
        audit.success(actor, AuditEvent.STAFF_INVITATION_RESENT, "STAFF_ACCOUNT", id, account.getUsername());
    }

    /**
     * A forgotten password: sends a reset link when an active account has this user name or e-mail address,
     * at most three an hour. The caller answers the same either way.
     */
    @Transactional
    public void requestPasswordReset(String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > 254) {
            return;
        }
        String key = usernameOrEmail.trim();
        Optional<StaffAccount> found = accounts.findByUsername(normalise(key))
                .filter(StaffAccount::isActive)
                .or(() -> accounts.findFirstByEmailIgnoreCaseAndActiveTrue(key));
        found.ifPresent(account -> {
            // Counted from the requests, in order, under the account's row lock, so two quick requests
            // cannot both see a count below the limit.
            accounts.lockById(account.getId());
            Instant hourAgo = Instant.now(clock).minus(Duration.ofHours(1));
            if (audit.successesSince(
                            AuditEvent.STAFF_PASSWORD_RESET_REQUESTED, "STAFF_ACCOUNT", account.getId(), hourAgo)
                    >= RESETS_PER_HOUR) {
                audit.record(
                        account.getUsername(),
                        AuditEvent.STAFF_PASSWORD_RESET_REQUESTED,
                        "STAFF_ACCOUNT",
                        account.getId(),
                        AuditOutcome.DENIED,
                        "rate limit");
                return;
            }
            mail.passwordReset(account);
            audit.success(
                    account.getUsername(),
                    AuditEvent.STAFF_PASSWORD_RESET_REQUESTED,
                    "STAFF_ACCOUNT",
                    account.getId(),
                    null);
        });
    }

    @Override
    public Set<TokenPurpose> purposes() {
        return EnumSet.of(TokenPurpose.STAFF_INVITATION, TokenPurpose.STAFF_RESET);
    }

    @Override
    @Transactional
    public void storePasswordHash(UUID subjectId, String passwordHash) {
        StaffAccount account =
                accounts.findById(subjectId).filter(StaffAccount::isActive).orElseThrow(NotFoundException::new);
        account.setPasswordHash(passwordHash, Instant.now(clock));
        lockout.clear(account.getUsername());
        endSessions(account);
        audit.success(account.getUsername(), AuditEvent.STAFF_PASSWORD_SET, "STAFF_ACCOUNT", subjectId, null);
    }

    /** Why a password change was refused: the form field and the message key. */
    public record PasswordRefusal(String field, String messageKey) {}

    /**
     * The signed-in staff member changes their own password: the current one first, the new one held to the same
     * policy as every password. Every other session of the account ends; the one that changed it stays.
     *
     * @return why it was refused; empty when the password was changed
     */
    @Transactional
    public Optional<PasswordRefusal> changePassword(
            UUID id, String currentPassword, String newPassword, String currentSessionId) {
        StaffAccount account =
                accounts.findById(id).filter(StaffAccount::isActive).orElseThrow(NotFoundException::new);
        if (!account.hasPassword() || !encoder.matches(currentPassword, account.getPasswordHash())) {
            audit.record(
                    account.getUsername(),
                    AuditEvent.STAFF_PASSWORD_SET,
                    "STAFF_ACCOUNT",
                    id,
                    AuditOutcome.FAILURE,
                    "change: current password wrong");
            return Optional.of(new PasswordRefusal("currentPassword", "staff.password.error.current"));
        }
        List<String> personal = new ArrayList<>();
        personal.add(account.getUsername());
        holder(id).ifPresent(holder -> personal.addAll(holder.personalWords()));
        Optional<String> problem = policy.problem(newPassword, personal);
        if (problem.isPresent()) {
            return Optional.of(new PasswordRefusal("newPassword", problem.get()));
        }
        account.setPasswordHash(encoder.encode(newPassword), Instant.now(clock));
        sessions.findByPrincipalName(account.getUsername()).keySet().stream()
                .filter(session -> !session.equals(currentSessionId))
                .forEach(sessions::deleteById);
        audit.success(account.getUsername(), AuditEvent.STAFF_PASSWORD_SET, "STAFF_ACCOUNT", id, "changed");
        return Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountHolder> holder(UUID subjectId) {
        return accounts.findById(subjectId)
                .map(a -> new AccountHolder(
                        a.getUsername(),
                        a.getLanguage(),
                        Arrays.asList(
                                a.getDisplayName(),
                                a.getEmail(),
                                a.getOrganisationId() == null
                                        ? null
                                        : organisations
                                                .findById(a.getOrganisationId())
                                                .map(Organisation::getName)
                                                .orElse(null))));
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> find(UUID id) {
        return accounts.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> findByUsername(String username) {
        return accounts.findByUsername(normalise(username));
    }

    @Transactional(readOnly = true)
    public List<StaffAccount> all() {
        return accounts.findAllByOrderByUsernameAsc();
    }

    /**
     * A page of every account by user name, from the cursor (empty: the first page); with {@code text}, only those
     * with it in the user name or the name, whatever the case (a % or _ is itself).
     */
    @Transactional(readOnly = true)
    public ListPage<StaffAccount> list(String text, Optional<ListCursor> cursor, int size) {
        return pages.read(StaffAccount.class, LISTING, text, cursor, size);
    }

    @Transactional(readOnly = true)
    public List<StaffAccount> ofOrganisation(UUID organisationId) {
        return accounts.findByOrganisationIdOrderByUsernameAsc(organisationId);
    }

    @Transactional(readOnly = true)
    public boolean isLocked(StaffAccount account) {
        return lockout.isLocked(account.getUsername());
    }

    /** The ids of those of the accounts that {@link #isLocked} would say are locked, in one query for them all. */
    @Transactional(readOnly = true)
    public List<UUID> lockedAmong(List<StaffAccount> accounts) {
        Set<String> locked = lockout.lockedAmong(
                accounts.stream().map(StaffAccount::getUsername).toList());
        return accounts.stream()
                .filter(a -> locked.contains(a.getUsername()))
                .map(StaffAccount::getId)
                .toList();
    }

    /** An account with many failed sign-ins lately, from any addresses. */
    public record SignInTarget(String username, int failures) {}

    /** The accounts with {@code celianet.security.sign-in.notice-threshold} or more failed sign-ins in the window. */
    @Transactional(readOnly = true)
    public List<SignInTarget> signInTargets() {
        return lockout.targets().stream()
                .map(target -> new SignInTarget(target.username(), target.failures()))
                .toList();
    }

    /** Ends every open session of the account; answers how many there were. */
    int endSessions(StaffAccount account) {
        Set<String> ids = sessions.findByPrincipalName(account.getUsername()).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }

    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String language(String language) {
        return language == null || !List.of("fi", "sv", "en").contains(language) ? "fi" : language;
    }
}
