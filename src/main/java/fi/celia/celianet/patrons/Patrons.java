package fi.celia.celianet.patrons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.credentials.spi.PasswordTarget;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.notifications.MailStatus;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding and opening patrons, with the access rules: service staff see every patron, a registrar the
 * patrons of their own organisation. Every view and every reveal of an identity code is audited.
 */
@Service
public class Patrons implements PasswordTarget {

    public static final int PAGE_SIZE = 50;
    static final int RESETS_PER_HOUR = 3;
    static final String ERASED_MARKER = "–";
    private static final Pattern PATRON_NUMBER = Pattern.compile("[Cc][0-9]{7}");

    private final PatronStore store;
    private final Organisations organisations;
    private final Mailbox mailbox;
    private final ServiceAvailability availability;
    private final fi.celia.celianet.credentials.CredentialTokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    Patrons(PatronStore store, Organisations organisations, Mailbox mailbox, ServiceAvailability availability,
            fi.celia.celianet.credentials.CredentialTokens tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.organisations = organisations;
        this.mailbox = mailbox;
        this.availability = availability;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean mayOpen(StaffPrincipal user, Patron patron) {
        return user.isServiceStaff()
                || (user.organisationId() != null && user.organisationId().equals(patron.organisationId()));
    }

    /** The patron's page: 404 unless the user may open it; the view is audited. */
    @Transactional
    public Patron view(StaffPrincipal user, UUID id) {
        Patron patron = open(user, id);
        audit.success(user.username(), "PATRON_VIEWED", "PATRON", id, null);
        return patron;
    }

    /** The full identity code, for a user who may open the patron; the reveal is audited. */
    @Transactional
    public Patron reveal(StaffPrincipal user, UUID id) {
        Patron patron = open(user, id);
        audit.success(user.username(), "PATRON_IDENTITY_CODE_REVEALED", "PATRON", id, null);
        return patron;
    }

    /** The patron without auditing, for checks before an action; 404 unless the user may open it. */
    @Transactional(readOnly = true)
    public Patron open(StaffPrincipal user, UUID id) {
        return store.find(id).filter(p -> mayOpen(user, p)).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    public Optional<Patron> find(UUID id) {
        return store.find(id);
    }

    /** Who registered an identity code and when; the patron's id and number only when the user may open it. */
    @Transactional(readOnly = true)
    public Optional<RegisteredElsewhere> registeredFacts(StaffPrincipal user, PersonalIdentityCode code) {
        return store.findByIdentityCode(code.value()).map(p -> facts(user, p));
    }

    private RegisteredElsewhere facts(StaffPrincipal user, Patron patron) {
        boolean may = mayOpen(user, patron);
        return new RegisteredElsewhere(organisations.nameOf(patron.organisationId()), patron.registeredAt(),
                may ? patron.id() : null, may ? patron.patronNumber() : null, patron.active() ? patron.id() : null);
    }

    /**
     * Searches by identity code (exact), patron number, e-mail address or name (at least three characters,
     * case- and accent-insensitive). A registrar's search covers their own organisation only; an exact
     * identity code of another organisation's patron answers who registered it and when.
     */
    @Transactional
    public PatronSearch search(StaffPrincipal user, String query, UUID organisationFilter, int page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return PatronSearch.problem("patrons.search.error.blank");
        }
        if (q.length() > 200) {
            return PatronSearch.problem("patrons.search.error.tooLong");
        }
        int pageIndex = Math.max(0, page);
        UUID scope = user.isServiceStaff() ? organisationFilter : user.organisationId();
        var code = PersonalIdentityCode.validate(q);
        if (code.isValid()) {
            audit.success(user.username(), "PATRON_SEARCH_BY_IDENTITY_CODE", "PATRON", null, null);
            Optional<Patron> found = store.findByIdentityCode(code.code().value());
            if (found.isEmpty()) {
                return new PatronSearch(List.of(), null, 0, false, null, true);
            }
            Patron patron = found.get();
            if (mayOpen(user, patron) && (scope == null || scope.equals(patron.organisationId()))) {
                return new PatronSearch(List.of(patron), null, 0, false, null, true);
            }
            return new PatronSearch(List.of(), facts(user, patron), 0, false, null, true);
        }
        if (PATRON_NUMBER.matcher(q).matches()) {
            List<Patron> found = store.findByNumber(q.toUpperCase(Locale.ROOT))
                    .filter(p -> mayOpen(user, p) && (scope == null || scope.equals(p.organisationId())))
                    .stream().toList();
            return new PatronSearch(found, null, 0, false, null, false);
        }
        List<Patron> rows;
        if (q.contains("@")) {
            rows = store.search(q, null, scope, PAGE_SIZE, pageIndex * PAGE_SIZE);
        } else {
            if (q.codePointCount(0, q.length()) < 3) {
                return PatronSearch.problem("patrons.search.error.tooShort");
            }
            rows = store.search(null, q, scope, PAGE_SIZE, pageIndex * PAGE_SIZE);
        }
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new PatronSearch(hasNext ? rows.subList(0, PAGE_SIZE) : rows, null, pageIndex, hasNext, null, false);
    }

    /** The newest credentials e-mail of the patron, if one was queued. */
    @Transactional(readOnly = true)
    public Optional<MailStatus> credentialsMail(UUID patronId) {
        return mailbox.latest("PATRON", patronId, PatronMail.CREDENTIALS);
    }

    @Transactional(readOnly = true)
    public Optional<MailStatus> resetMail(UUID patronId) {
        return mailbox.latest("PATRON", patronId, PatronMail.RESET);
    }

    /** The organisation's latest registrations, newest first, with their credentials mail. */
    @Transactional(readOnly = true)
    public List<RecentRegistration> latestRegistrations(UUID organisationId, int limit) {
        return store.latestOf(organisationId, limit).stream()
                .map(p -> new RecentRegistration(p, credentialsMail(p.id()).orElse(null))).toList();
    }

    /**
     * Mails the patron a single-use reset link (valid 24 hours), at most three an hour per patron.
     *
     * @throws fi.celia.celianet.maintenance.ServiceClosedException while a window closes password reset
     */
    @Transactional
    public MailRequestOutcome requestPasswordReset(StaffPrincipal user, UUID id) {
        Patron patron = open(user, id);
        availability.require(ClosableService.PASSWORD_RESET);
        if (!patron.active()) {
            return MailRequestOutcome.NOT_ACTIVE;
        }
        String recipient = patron.credentialsRecipient() != null ? patron.credentialsRecipient() : patron.email();
        if (recipient == null) {
            return MailRequestOutcome.NO_ADDRESS;
        }
        Instant hourAgo = Instant.now(clock).minus(Duration.ofHours(1));
        if (mailbox.countSince("PATRON", id, PatronMail.RESET, hourAgo) >= RESETS_PER_HOUR) {
            audit.record(user.username(), "PATRON_PASSWORD_RESET_REQUESTED", "PATRON", id, AuditOutcome.DENIED,
                    "rate limit");
            return MailRequestOutcome.RATE_LIMITED;
        }
        mailbox.enqueue(PatronMail.mail(patron, recipient, PatronMail.RESET, UUID.randomUUID())
                .withLink(TokenPurpose.PATRON_RESET, id));
        audit.success(user.username(), "PATRON_PASSWORD_RESET_REQUESTED", "PATRON", id, null);
        return MailRequestOutcome.QUEUED;
    }

    /** Sends the credentials e-mail again; the new link invalidates the earlier one when it is sent. */
    @Transactional
    public MailRequestOutcome resendCredentials(StaffPrincipal user, UUID id) {
        Patron patron = open(user, id);
        if (!patron.active()) {
            return MailRequestOutcome.NOT_ACTIVE;
        }
        String recipient = patron.credentialsRecipient();
        if (recipient == null) {
            return MailRequestOutcome.NO_ADDRESS;
        }
        mailbox.enqueue(PatronMail.mail(patron, recipient, PatronMail.CREDENTIALS, UUID.randomUUID())
                .withLink(TokenPurpose.PATRON_ACTIVATION, id));
        audit.success(user.username(), "PATRON_CREDENTIALS_RESENT", "PATRON", id, null);
        return MailRequestOutcome.QUEUED;
    }

    /**
     * Moves responsibility for the patron to another organisation: a registrar takes the patron over for their
     * own organisation, naming the patron's exact identity code (as found by an exact search) and confirming
     * that the patron agreed; service staff move a patron to any active organisation. Kept in the patron's
     * history and audited, naming both organisations.
     *
     * @throws NotFoundException when there is no such active patron or the identity code does not match
     */
    @Transactional
    public void transfer(StaffPrincipal user, UUID id, String identityCode, UUID targetOrganisationId) {
        Patron patron = store.find(id).filter(Patron::active).orElseThrow(NotFoundException::new);
        UUID target;
        if (user.isServiceStaff()) {
            target = organisations.find(targetOrganisationId).filter(o -> o.isActive())
                    .orElseThrow(NotFoundException::new).getId();
        } else {
            var code = PersonalIdentityCode.validate(identityCode);
            if (!code.isValid() || !code.code().value().equals(patron.identityCode())) {
                throw new NotFoundException();
            }
            target = user.organisationId();
        }
        if (target.equals(patron.organisationId())) {
            return;
        }
        String from = organisations.nameOf(patron.organisationId());
        String to = organisations.nameOf(target);
        Instant now = Instant.now(clock);
        store.changeOrganisation(id, target, now);
        store.history(id, now, user.username(), "organisation", from, to);
        audit.success(user.username(), "PATRON_TRANSFERRED", "PATRON", id, from + " → " + to);
    }

    /**
     * A printable credentials letter for a patron whose credentials are handed over on paper: issues a new
     * activation link (the earlier one stops working) and returns the token, to be printed and never stored.
     */
    @Transactional
    public String issueLetterToken(StaffPrincipal user, UUID id) {
        Patron patron = open(user, id);
        if (!patron.active()) {
            throw new NotFoundException();
        }
        String token = tokens.issue(TokenPurpose.PATRON_ACTIVATION, id);
        audit.success(user.username(), "PATRON_CREDENTIALS_LETTER_PRINTED", "PATRON", id, null);
        return token;
    }

    /** The patron's current details, for the edit form. */
    @Transactional(readOnly = true)
    public PatronChanges details(StaffPrincipal user, UUID id) {
        return PatronChanges.of(open(user, id));
    }

    /** Saves changed details; every changed field is kept in the patron's history (who, when, old, new). */
    @Transactional
    public void update(StaffPrincipal user, UUID id, PatronChanges changes) {
        Patron patron = store.find(id).filter(p -> mayOpen(user, p)).filter(p -> !"ERASED".equals(p.status()))
                .orElseThrow(NotFoundException::new);
        var before = PatronChanges.of(patron).values();
        var after = changes.values();
        Instant now = Instant.now(clock);
        List<String> changed = new java.util.ArrayList<>();
        after.forEach((field, value) -> {
            if (!java.util.Objects.equals(before.get(field), value)) {
                store.history(id, now, user.username(), field, before.get(field), value);
                changed.add(field);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        store.update(id, changes, now);
        audit.success(user.username(), "PATRON_CHANGED", "PATRON", id, String.join(", ", changed));
    }

    /** Changes kept in the patron's history, newest first. */
    @Transactional(readOnly = true)
    public List<PatronChange> changes(UUID id) {
        return store.history(id).stream()
                .map(h -> new PatronChange(h.at(), h.actor(), h.field(), h.oldValue(), h.newValue())).toList();
    }

    /** Closes the patron: no sign-in (password and links revoked), no shipments; still findable. Service staff only. */
    @Transactional
    public boolean close(StaffPrincipal user, UUID id, String reason) {
        requireServiceStaff(user);
        store.find(id).orElseThrow(NotFoundException::new);
        Instant now = Instant.now(clock);
        if (!store.close(id, reason, now)) {
            return false;
        }
        tokens.revokeAll(id);
        store.history(id, now, user.username(), "status", "ACTIVE", "CLOSED");
        audit.success(user.username(), "PATRON_CLOSED", "PATRON", id, reason);
        return true;
    }

    /** Erases a closed patron's personal data on request; the patron number and audit trail stay. Service staff only. */
    @Transactional
    public boolean erase(StaffPrincipal user, UUID id) {
        requireServiceStaff(user);
        store.find(id).orElseThrow(NotFoundException::new);
        Instant now = Instant.now(clock);
        if (!store.erase(id, ERASED_MARKER, now)) {
            return false;
        }
        store.history(id, now, user.username(), "status", "CLOSED", "ERASED");
        audit.success(user.username(), "PATRON_ERASED", "PATRON", id, null);
        return true;
    }

    private static void requireServiceStaff(StaffPrincipal user) {
        if (!user.isServiceStaff()) {
            throw new org.springframework.security.access.AccessDeniedException("service staff only");
        }
    }

    @Override
    public Set<TokenPurpose> purposes() {
        return EnumSet.of(TokenPurpose.PATRON_ACTIVATION, TokenPurpose.PATRON_RESET);
    }

    @Override
    @Transactional
    public void storePasswordHash(UUID subjectId, String passwordHash) {
        Patron patron = store.find(subjectId).filter(Patron::active).orElseThrow(NotFoundException::new);
        store.storePasswordHash(subjectId, passwordHash, Instant.now(clock));
        audit.success(patron.patronNumber(), "PATRON_PASSWORD_SET", "PATRON", subjectId, null);
    }
}
