package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.notifications.MailStatus;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final CredentialLetters letters;
    private final Clock clock;

    PatronCredentials(
            PatronRecords records,
            PatronRepository patrons,
            Mailbox mailbox,
            ServiceAvailability availability,
            CredentialTokens tokens,
            AuditLog audit,
            CredentialLetters letters,
            Clock clock) {
        this.records = records;
        this.patrons = patrons;
        this.mailbox = mailbox;
        this.availability = availability;
        this.tokens = tokens;
        this.audit = audit;
        this.letters = letters;
        this.clock = clock;
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

    /** The organisation's latest registrations, newest first, with where their credentials stand. */
    @Transactional(readOnly = true)
    public List<RecentRegistration> latestRegistrations(UUID organisationId, int limit) {
        return patrons.findByOrganisationIdOrderByRegisteredAtDesc(organisationId, Limit.of(limit)).stream()
                .map(p -> new RecentRegistration(p, status(p)))
                .toList();
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
        mailbox.enqueue(PatronMail.mail(patron, recipient, PatronMail.RESET, UUID.randomUUID())
                .withLink(TokenPurpose.PATRON_RESET, id));
        audit.success(user.username(), "PATRON_PASSWORD_RESET_REQUESTED", "PATRON", id, null);
        return MailRequestOutcome.QUEUED;
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
