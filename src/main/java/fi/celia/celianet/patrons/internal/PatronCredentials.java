package fi.celia.celianet.patrons.internal;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    private final PatronRecords records;
    private final PatronRepository patrons;
    private final Mailbox mailbox;
    private final ServiceAvailability availability;
    private final CredentialTokens tokens;
    private final AuditLog audit;
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
            Clock clock,
            MessageSource messages,
            PatronServiceLink libraryService) {
        this.records = records;
        this.patrons = patrons;
        this.mailbox = mailbox;
        this.availability = availability;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
        this.libraryService = libraryService;
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
        return patrons.findByOrganisationIdOrderByRegisteredAtDesc(organisationId, Limit.of(limit)).stream()
                .map(p -> new RecentRegistration(p, credentialsMail(p.id()).orElse(null)))
                .toList();
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
        String recipient = patron.credentialsRecipient() != null ? patron.credentialsRecipient() : patron.email();
        if (recipient == null) {
            return MailRequestOutcome.NO_ADDRESS;
        }
        Instant hourAgo = Instant.now(clock).minus(Duration.ofHours(1));
        if (mailbox.countSince("PATRON", id, PatronMail.RESET, hourAgo) >= RESETS_PER_HOUR) {
            audit.record(
                    user.username(),
                    "PATRON_PASSWORD_RESET_REQUESTED",
                    "PATRON",
                    id,
                    AuditOutcome.DENIED,
                    "rate limit");
            return MailRequestOutcome.RATE_LIMITED;
        }
        mailbox.enqueue(resetMail(patron, recipient));
        audit.success(user.username(), "PATRON_PASSWORD_RESET_REQUESTED", "PATRON", id, null);
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

    /** Sends the credentials e-mail again; the new link invalidates the earlier one when it is sent. */
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
        mailbox.enqueue(PatronMail.mail(patron, recipient, PatronMail.CREDENTIALS, UUID.randomUUID())
                .withLink(TokenPurpose.PATRON_ACTIVATION, id));
        audit.success(user.username(), "PATRON_CREDENTIALS_RESENT", "PATRON", id, null);
        return MailRequestOutcome.QUEUED;
    }

    /**
     * A printable credentials letter for a patron whose credentials are handed over on paper: issues a new
     * activation link (the earlier one stops working) and returns the token, to be printed and never stored.
     */
    @Transactional
    public String issueLetterToken(StaffPrincipal user, UUID id) {
        Patron patron = records.find(user, id);
        if (!patron.active()) {
            throw new NotFoundException();
        }
        String token = tokens.issue(TokenPurpose.PATRON_ACTIVATION, id);
        audit.success(user.username(), "PATRON_CREDENTIALS_LETTER_PRINTED", "PATRON", id, null);
        return token;
    }
}
