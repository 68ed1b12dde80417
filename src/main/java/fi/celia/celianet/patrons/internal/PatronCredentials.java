package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AccessPurpose;
import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.notifications.MailStatus;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.shared.PatronServiceLink;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patron's credentials as staff handle them: the credentials mail sent again, the printed letter, the password
 * reset link (at most three an hour per patron), and where each mail stands.
 */
@Service
public class PatronCredentials {

    static final int RESETS_PER_HOUR = 3;

    /** Credentials mails sent again to one patron in an hour, at most. */
    static final int RESENDS_PER_HOUR = 3;

    private final PatronRecords records;
    private final PatronRepository patrons;
    private final Mailbox mailbox;
    private final ServiceAvailability availability;
    private final CredentialTokens tokens;
    private final AuditLog audit;
    private final CredentialLetters letters;
    private final Clock clock;
    private final MessageSource messages;
    private final PatronServiceLink libraryService;

    PatronCredentials(
            PatronRecords records,
            PatronRepository patrons,
            Mailbox mailbox,
            ServiceAvailability availability,
            CredentialTokens tokens,
            AuditLog audit,
            CredentialLetters letters,
            Clock clock,
            MessageSource messages,
            PatronServiceLink libraryService) {
        this.records = records;
        this.patrons = patrons;
        this.mailbox = mailbox;
        this.availability = availability;
        this.tokens = tokens;
        this.audit = audit;
        this.letters = letters;
        this.clock = clock;
        this.messages = messages;
        this.libraryService = libraryService;
    }

    /** The newest credentials e-mail of the patron, if one was queued. */
    @Transactional(readOnly = true)
    public Optional<MailStatus> credentialsMail(UUID patronId) {
        return newest(patronId, PatronMail.CREDENTIALS);
    }

    /** The newest mail of a template, whether to the patron or in its version for a contact person or guardian. */
    private Optional<MailStatus> newest(UUID patronId, String template) {
        return mailbox.about("PATRON", patronId).stream()
                .filter(m -> m.template().equals(template)
                        || m.template().equals(template + "-contact")
                        || m.template().equals(template + "-guardian"))
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<MailStatus> resetMail(UUID patronId) {
        return newest(patronId, PatronMail.RESET);
    }

    /** The organisation's latest registrations, newest first, with where their credentials stand. */
    @Transactional(readOnly = true)
    public List<RecentRegistration> latestRegistrations(UUID organisationId, int limit) {
        List<Patron> latest = patrons.findByOrganisationIdOrderByRegisteredAtDesc(organisationId, Limit.of(limit));
        Map<UUID, CredentialsStatus> statuses = statuses(latest);
        return latest.stream()
                .map(p -> new RecentRegistration(p, statuses.get(p.id())))
                .toList();
    }

    /**
     * Where the credentials of each of the patrons stand, keyed by patron id: two queries however many patrons
     * (the newest credentials mail of each, and the newest letter of each).
     */
    @Transactional(readOnly = true)
    public Map<UUID, CredentialsStatus> statuses(Collection<Patron> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = list.stream().map(Patron::id).toList();
        Map<UUID, MailStatus> mails = mailbox.latestAbout(
                "PATRON",
                ids,
                List.of(
                        PatronMail.CREDENTIALS,
                        PatronMail.CREDENTIALS + "-contact",
                        PatronMail.CREDENTIALS + "-guardian"));
        Map<UUID, CredentialLetters.Letter> newestLetters = letters.latest(ids);
        Map<UUID, CredentialsStatus> statuses = new HashMap<>();
        for (Patron p : list) {
            statuses.put(
                    p.id(),
                    CredentialsStates.of(
                            p, Optional.ofNullable(mails.get(p.id())), Optional.ofNullable(newestLetters.get(p.id()))));
        }
        return statuses;
    }

    /** Where the patron's credentials stand (see {@link CredentialsState}). */
    @Transactional(readOnly = true)
    public CredentialsStatus status(Patron patron) {
        return CredentialsStates.of(patron, credentialsMail(patron.id()), letters.latest(patron.id()));
    }

    /**
     * Whether a letter can be asked for now: the patron is active, has a complete postal address, has no letter
     * waiting already and either takes the credentials by letter or has no e-mail address to send them to.
     */
    @Transactional(readOnly = true)
    public boolean mayOrderLetter(Patron patron) {
        return patron.active()
                && patron.postalAddress() != null
                && patron.postalAddress().isComplete()
                && (PatronRules.LETTER.equals(patron.credentialsBy()) || patron.anyEmail() == null)
                && letters.latest(patron.id()).map(l -> l.printedAt() != null).orElse(true);
    }

    /** Whether a code to read out on the phone is offered: by phone, or when there is no e-mail address. */
    public boolean mayGivePhoneCode(Patron patron) {
        return patron.active()
                && !PatronRules.IN_PERSON.equals(patron.credentialsBy())
                && (PatronRules.PHONE.equals(patron.credentialsBy()) || patron.anyEmail() == null);
    }

    /**
     * Mails the patron a single-use reset link (valid 24 hours), at most three an hour per patron.
     *
     * @throws fi.celia.celianet.maintenance.ServiceClosedException while a window closes password reset
     */
    @Transactional
    public MailRequestOutcome requestPasswordReset(StaffPrincipal user, UUID id) {
        Patron patron = records.find(user, id);
        availability.require(ClosableService.PASSWORD_RESET);
        if (!patron.active()) {
            return MailRequestOutcome.NOT_ACTIVE;
        }
        String recipient = patron.anyEmail();
        if (recipient == null) {
            return MailRequestOutcome.NO_ADDRESS;
        }
        Instant hourAgo = Instant.now(clock).minus(Duration.ofHours(1));
        int lastHour = mailbox.countSince("PATRON", id, PatronMail.RESET, hourAgo)
                + mailbox.countSince("PATRON", id, PatronMail.RESET + "-contact", hourAgo)
                + mailbox.countSince("PATRON", id, PatronMail.RESET + "-guardian", hourAgo);
        if (lastHour >= RESETS_PER_HOUR) {
            audit.record(
                    user.username(),
                    AuditEvent.PATRON_PASSWORD_RESET_REQUESTED,
                    "PATRON",
                    id,
                    AuditOutcome.DENIED,
                    "rate limit",
                    AccessPurpose.CREDENTIALS_HELP);
            return MailRequestOutcome.RATE_LIMITED;
        }
        mailbox.enqueue(resetMail(patron, recipient));
        audit.success(
                user.username(),
                AuditEvent.PATRON_PASSWORD_RESET_REQUESTED,
                "PATRON",
                id,
                null,
                AccessPurpose.CREDENTIALS_HELP);
        return MailRequestOutcome.QUEUED;
    }

    /**
     * The reset mail: only a patron who has set a password is told that the old one still works; one who never
     * did is told that the link activates the account. Both are told where patrons sign in.
     */
    private OutgoingMail resetMail(Patron patron, String recipient) {
        OutgoingMail mail = PatronMail.mail(patron, recipient, PatronMail.RESET, UUID.randomUUID());
        Locale language = mail.language();
        Map<String, String> params = new HashMap<>(mail.params());
        params.put(
                "closing",
                messages.getMessage(
                        patron.hasPassword() ? "mail.patron-reset.passwordSet" : "mail.patron-reset.noPassword",
                        null,
                        language));
        params.put("service", libraryService.name(language));
        params.put("serviceUrl", libraryService.url());
        return new OutgoingMail(
                        mail.dedupeKey(), mail.recipient(), language, mail.template(), params, null, null, null, null)
                .withLink(TokenPurpose.PATRON_RESET, patron.id())
                .about("PATRON", patron.id());
    }

    /**
     * Sends the credentials e-mail again, at most three times an hour per patron; the new link invalidates the
     * earlier one when it is sent.
     */
    @Transactional
    public MailRequestOutcome resendCredentials(StaffPrincipal user, UUID id) {
        Patron patron = records.find(user, id);
        if (!patron.active()) {
            return MailRequestOutcome.NOT_ACTIVE;
        }
        String recipient = patron.credentialsRecipient();
        if (recipient == null) {
            return MailRequestOutcome.NO_ADDRESS;
        }
        Instant hourAgo = Instant.now(clock).minus(Duration.ofHours(1));
        if (audit.successesSince(AuditEvent.PATRON_CREDENTIALS_RESENT, "PATRON", id, hourAgo) >= RESENDS_PER_HOUR) {
            audit.record(
                    user.username(),
                    AuditEvent.PATRON_CREDENTIALS_RESENT,
                    "PATRON",
                    id,
                    AuditOutcome.DENIED,
                    "rate limit",
                    AccessPurpose.CREDENTIALS_HELP);
            return MailRequestOutcome.RATE_LIMITED;
        }
        mailbox.enqueue(PatronMail.mail(patron, recipient, PatronMail.CREDENTIALS, UUID.randomUUID())
                .withLink(TokenPurpose.PATRON_ACTIVATION, id));
        audit.success(
                user.username(),
                AuditEvent.PATRON_CREDENTIALS_RESENT,
                "PATRON",
                id,
                null,
                AccessPurpose.CREDENTIALS_HELP);
        return MailRequestOutcome.QUEUED;
    }

    /**
     * Issues a short code to be read out on the phone (the earlier code stops working) and records when; the code
     * is returned once, to be shown on the answer to this request only, and never stored in clear.
     *
     * @return empty when a phone code is not offered for the patron (not active, or handed a letter in person)
     */
    @Transactional
    public Optional<IssuedCode> givePhoneCode(StaffPrincipal user, UUID id) {
        Patron patron = records.find(user, id);
        if (!patron.active() || PatronRules.IN_PERSON.equals(patron.credentialsBy())) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        String code = tokens.issueCode(TokenPurpose.PATRON_CODE, id);
        patron.phoneCodeGiven(now);
        audit.success(
                user.username(),
                AuditEvent.PATRON_PHONE_CODE_GIVEN,
                "PATRON",
                id,
                null,
                AccessPurpose.CREDENTIALS_HELP);
        return Optional.of(new IssuedCode(code, now.plus(TokenPurpose.PATRON_CODE.validity())));
    }

    /** A short code as issued: shown once, valid until {@code validUntil}. */
    public record IssuedCode(String code, Instant validUntil) {}

    /**
     * Asks for a credentials letter to the patron's postal address; a second request while one waits adds nothing.
     *
     * @return false when no letter can be asked for now ({@link #mayOrderLetter}) or one waits already
     */
    @Transactional
    public boolean orderLetter(StaffPrincipal user, UUID id) {
        Patron patron = records.find(user, id);
        if (!mayOrderLetter(patron)) {
            return false;
        }
        boolean requested = letters.request(id, CredentialLetters.LETTER, user.username(), Instant.now(clock));
        if (requested) {
            audit.success(
                    user.username(),
                    AuditEvent.PATRON_CREDENTIALS_LETTER_REQUESTED,
                    "PATRON",
                    id,
                    null,
                    AccessPurpose.CREDENTIALS_HELP);
        }
        return requested;
    }

    /**
     * The letters waiting to be printed that the user may print: their own organisation's, or every
     * organisation's for service staff.
     */
    @Transactional(readOnly = true)
    public List<LetterView> waitingLetters(StaffPrincipal user) {
        return letters.waiting(scope(user)).stream().map(this::view).toList();
    }

    /** The printed letters not yet marked posted that the user may see. */
    @Transactional(readOnly = true)
    public List<LetterView> unpostedLetters(StaffPrincipal user) {
        return letters.unposted(scope(user)).stream().map(this::view).toList();
    }

    /**
     * Prints every waiting letter the user may print: claims them (a letter another printer holds is skipped, so
     * none is printed twice), issues each patron a new short code (revoking the earlier code) and marks them
     * printed, all in one transaction with the caller's rendering. Audited per patron.
     */
    @Transactional
    public <T> T printWaiting(StaffPrincipal user, Function<List<PrintedLetter>, T> render) {
        Instant now = Instant.now(clock);
        List<PrintedLetter> printed = letters.claimWaiting(scope(user), user.username(), now).stream()
                .map(l -> {
                    Patron patron = patrons.findById(l.patronId()).orElseThrow();
                    String code = tokens.issueCode(TokenPurpose.PATRON_CODE, patron.id());
                    audit.success(
                            user.username(),
                            AuditEvent.PATRON_CREDENTIALS_LETTER_PRINTED,
                            "PATRON",
                            patron.id(),
                            null,
                            AccessPurpose.CREDENTIALS_HELP);
                    return new PrintedLetter(patron, code, now.plus(TokenPurpose.PATRON_CODE.validity()));
                })
                .toList();
        return render.apply(printed);
    }

    /** The in-person letter: a new short code, printed at once and handed over. Audited. */
    @Transactional
    public <T> T printInPerson(StaffPrincipal user, UUID id, Function<PrintedLetter, T> render) {
        Patron patron = records.find(user, id);
        if (!patron.active()) {
            throw new NotFoundException();
        }
        Instant now = Instant.now(clock);
        String code = tokens.issueCode(TokenPurpose.PATRON_CODE, id);
        letters.printedNow(id, CredentialLetters.IN_PERSON, user.username(), now);
        audit.success(
                user.username(),
                AuditEvent.PATRON_CREDENTIALS_LETTER_PRINTED,
                "PATRON",
                id,
                null,
                AccessPurpose.CREDENTIALS_HELP);
        return render.apply(new PrintedLetter(patron, code, now.plus(TokenPurpose.PATRON_CODE.validity())));
    }

    /** Marks a printed letter as posted, recording the date. @return false when it is not the user's to mark */
    @Transactional
    public boolean markPosted(StaffPrincipal user, UUID letterId) {
        var organisation = letters.organisationOf(letterId);
        if (organisation.isEmpty() || !user.mayActFor(organisation.get())) {
            return false;
        }
        return letters.markPosted(letterId, user.username(), Instant.now(clock))
                .map(l -> {
                    audit.success(
                            user.username(),
                            AuditEvent.PATRON_CREDENTIALS_LETTER_POSTED,
                            "PATRON",
                            l.patronId(),
                            null,
                            AccessPurpose.CREDENTIALS_HELP);
                    return true;
                })
                .orElse(false);
    }

    private LetterView view(CredentialLetters.Letter letter) {
        Patron patron = patrons.findById(letter.patronId()).orElseThrow();
        return new LetterView(
                letter.id(),
                patron.id(),
                patron.patronNumber(),
                patron.name(),
                patron.organisationId(),
                letter.requestedAt(),
                letter.printedAt());
    }

    private static UUID scope(StaffPrincipal user) {
        return user.isServiceStaff() ? null : user.organisationId();
    }

    /** A letter on the letters page. */
    public record LetterView(
            UUID id,
            UUID patronId,
            String patronNumber,
            String name,
            UUID organisationId,
            Instant requestedAt,
            Instant printedAt) {}

    /** A letter being printed: the patron, the code issued for it (in clear, this once) and how long it lives. */
    public record PrintedLetter(Patron patron, String code, Instant validUntil) {}
}
