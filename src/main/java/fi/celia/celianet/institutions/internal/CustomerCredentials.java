package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.spi.ForgottenPassword;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.shared.PatronServiceLink;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An institution's own customer account after its first activation link: service staff send the activation link
 * again (while the password is not set) or a reset link (once it is), and the customer's contact asks for one on
 * the forgotten-password page with the customer number or the account's e-mail address. At most three mails an
 * hour per account, whoever asks (counted under the account's row lock), each request audited, every mail in the
 * account's language and to the account's own address.
 */
@Service
public class CustomerCredentials implements ForgottenPassword {

    static final int MAILS_PER_HOUR = 3;
    static final String ACTIVATION = "customer-activation";
    static final String RESET = "customer-reset";
    static final String REFERENCE = "CUSTOMER_ACCOUNT";

    private final CustomerAccountRepository accounts;
    private final Organisations organisations;
    private final Mailbox mailbox;
    private final ServiceAvailability availability;
    private final PatronServiceLink libraryService;
    private final AuditLog audit;
    private final Clock clock;

    CustomerCredentials(
            CustomerAccountRepository accounts,
            Organisations organisations,
            Mailbox mailbox,
            ServiceAvailability availability,
            PatronServiceLink libraryService,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.mailbox = mailbox;
        this.availability = availability;
        this.libraryService = libraryService;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of a request; only {@link #QUEUED} sent anything. */
    public enum Outcome {
        QUEUED,
        NO_ACCOUNT,
        ALREADY_ACTIVATED,
        NOT_ACTIVATED,
        RATE_LIMITED,
        CLOSED
    }

    /** Sends the activation link (valid 14 days) again, while the password is not set; the earlier link stops working. */
    @Transactional
    public Outcome resendActivation(UUID organisationId, StaffPrincipal user) {
        Optional<CustomerAccount> found = locked(organisationId);
        if (found.isEmpty()) {
            return Outcome.NO_ACCOUNT;
        }
        CustomerAccount account = found.get();
        if (account.hasPassword()) {
            return Outcome.ALREADY_ACTIVATED;
        }
        return send(account, ACTIVATION, user.username(), AuditEvent.CUSTOMER_ACTIVATION_RESENT);
    }

    /** Sends a reset link (valid 24 hours) once the password is set. */
    @Transactional
    public Outcome sendReset(UUID organisationId, StaffPrincipal user) {
        Optional<CustomerAccount> found = locked(organisationId);
        if (found.isEmpty()) {
            return Outcome.NO_ACCOUNT;
        }
        CustomerAccount account = found.get();
        if (!account.hasPassword()) {
            return Outcome.NOT_ACTIVATED;
        }
        return send(account, RESET, user.username(), AuditEvent.CUSTOMER_PASSWORD_RESET_REQUESTED);
    }

    /**
     * The forgotten-password page: the account with this customer number (its user name, any case) or these
     * e-mail address gets a reset link, or its activation link again when the password was never set.
     */
    @Override
    @Transactional
    public void requestReset(String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > 254) {
            return;
        }
        String key = usernameOrEmail.strip();
        List<CustomerAccount> found = new ArrayList<>();
        accounts.findByUsernameAndActiveTrue(key.toLowerCase(Locale.ROOT)).ifPresent(found::add);
        if (found.isEmpty() && key.contains("@")) {
            found.addAll(accounts.findByEmailIgnoreCaseAndActiveTrue(key));
        }
        for (CustomerAccount candidate : found) {
            accounts.lockById(candidate.getId())
                    .ifPresent(account -> send(
                            account,
                            account.hasPassword() ? RESET : ACTIVATION,
                            account.getUsername(),
                            account.hasPassword()
                                    ? AuditEvent.CUSTOMER_PASSWORD_RESET_REQUESTED
                                    : AuditEvent.CUSTOMER_ACTIVATION_RESENT));
        }
    }

    private Optional<CustomerAccount> locked(UUID organisationId) {
        return accounts.findByOrganisationId(organisationId)
                .filter(CustomerAccount::isActive)
                .flatMap(a -> accounts.lockById(a.getId()));
    }

    private Outcome send(CustomerAccount account, String template, String actor, AuditEvent action) {
        UUID id = account.getId();
        if (!availability.isOpen(ClosableService.PASSWORD_RESET)) {
            audit.record(actor, action, REFERENCE, id, AuditOutcome.DENIED, "service closed");
            return Outcome.CLOSED;
        }
        Instant hourAgo = Instant.now(clock).minus(Duration.ofHours(1));
        int sent = mailbox.countSince(REFERENCE, id, ACTIVATION, hourAgo)
                + mailbox.countSince(REFERENCE, id, RESET, hourAgo);
        if (sent >= MAILS_PER_HOUR) {
            audit.record(actor, action, REFERENCE, id, AuditOutcome.DENIED, "rate limit");
            return Outcome.RATE_LIMITED;
        }
        String organisation = organisations
                .find(account.getOrganisationId())
                .map(Organisation::getName)
                .orElse("");
        Locale language = Locale.forLanguageTag(account.getLanguage());
        mailbox.enqueue(OutgoingMail.of(
                        UUID.randomUUID() + ":" + account.getEmail().trim().toLowerCase(Locale.ROOT),
                        account.getEmail(),
                        language,
                        template,
                        Map.of(
                                "organisation", organisation,
                                "username", account.getUsername(),
                                "service", libraryService.name(language),
                                "serviceUrl", libraryService.url()))
                .withLink(template.equals(RESET) ? TokenPurpose.CUSTOMER_RESET : TokenPurpose.CUSTOMER_ACTIVATION, id)
                .about(REFERENCE, id));
        audit.success(actor, action, REFERENCE, id, account.getUsername());
        return Outcome.QUEUED;
    }
}
