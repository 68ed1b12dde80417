package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.NewStaffAccount;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.OrganisationDetails;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff and the applicant do with an open application: take it, ask and reply, approve or reject. Each step
 * locks the application, so two decisions at once become one decision and one {@link AlreadyDecidedException}; a
 * step taken from a page that shows an older version than the stored one is refused as a concurrent change.
 * Every step is audited and mailed to the applicant through the outbox in the same transaction.
 */
@Service
public class ApplicationDecisions {

    private final ApplicationRepository applications;
    private final CustomerAccounts customers;
    private final Organisations organisations;
    private final StaffAccounts staffAccounts;
    private final RegistrarUsernames usernames;
    private final ApplicationClock clock;
    private final ApplicationMails mails;
    private final Mailbox mailbox;
    private final AuditLog audit;

    ApplicationDecisions(
            ApplicationRepository applications,
            CustomerAccounts customers,
            Organisations organisations,
            StaffAccounts staffAccounts,
            RegistrarUsernames usernames,
            ApplicationClock clock,
            ApplicationMails mails,
            Mailbox mailbox,
            AuditLog audit) {
        this.applications = applications;
        this.customers = customers;
        this.organisations = organisations;
        this.staffAccounts = staffAccounts;
        this.usernames = usernames;
        this.clock = clock;
        this.mails = mails;
        this.mailbox = mailbox;
        this.audit = audit;
    }

    /** The applicant answers a question: the clock runs again. */
    @Transactional
    public void reply(String trackingToken, String text) {
        InstitutionApplication application =
                applications.findByTrackingTokenForUpdate(trackingToken).orElseThrow(NotFoundException::new);
        application.reply(text, clock.now(), clock.workingDays());
        audit.success(
                "applicant",
                AuditEvent.INSTITUTION_APPLICATION_REPLIED,
                "INSTITUTION_APPLICATION",
                application.getId(),
                null);
    }

    /**
     * Assigns the application to the staff member; the applicant hears it is being reviewed.
     *
     * @param seenVersion the version the staff member's page showed, or null to take it as it is now
     */
    @Transactional
    public void take(UUID id, Long seenVersion, StaffPrincipal user) {
        InstitutionApplication application = openLocked(id, seenVersion);
        application.take(user.id(), user.displayName(), clock.now());
        audit.success(
                user.username(),
                AuditEvent.INSTITUTION_APPLICATION_TAKEN,
                "INSTITUTION_APPLICATION",
                id,
                application.getReference());
        mailbox.enqueue(mails.to(application, ApplicationMails.IN_REVIEW, id.toString(), Map.of()));
    }

    /** Asks the applicant for more information: the clock pauses until the reply. */
    @Transactional
    public void requestInformation(UUID id, Long seenVersion, String message, StaffPrincipal user) {
        InstitutionApplication application = openLocked(id, seenVersion);
        Instant now = clock.now();
        application.askApplicant(user.id(), user.displayName(), message, now);
        audit.success(
                user.username(),
                AuditEvent.INSTITUTION_APPLICATION_INFO_REQUESTED,
                "INSTITUTION_APPLICATION",
                id,
                application.getReference());
        mailbox.enqueue(mails.to(
                application,
                ApplicationMails.INFO_REQUESTED,
                id + ":" + now.toEpochMilli() + ":" + UUID.randomUUID(),
                Map.of("question", message)));
    }

    /**
     * Approves: in this one transaction the organisation (with its customer number), its customer account and,
     * for a library or a school, a staff account per registrar, the first as main user. The contact gets the
     * decision with the customer account's activation link; each registrar gets an invitation.
     *
     * @throws AlreadyDecidedException when someone decided first; nothing is created then
     */
    @Transactional
    public Organisation approve(UUID id, Long seenVersion, StaffPrincipal user) {
        InstitutionApplication application = openLocked(id, seenVersion);
        Instant now = clock.now();
        Organisation organisation = organisations.create(
                new OrganisationDetails(
                        application.getOrganisationName(),
                        application.getOrganisationType(),
                        application.getBusinessId(),
                        application.getEmail(),
                        application.getPhone(),
                        application.getPostalAddress(),
                        application.getLanguage()),
                user.username());
        String customerUsername = organisation.getCustomerNumber().toLowerCase(Locale.ROOT);
        UUID customerAccount = customers.create(
                organisation.getId(), customerUsername, application.getEmail(), application.getLanguage());
        if (application.needsRegistrars()) {
            List<Registrar> registrars = application.registrars();
            RegistrarUsernames.Batch names = usernames.batch();
            for (int i = 0; i < registrars.size(); i++) {
                Registrar registrar = registrars.get(i);
                StaffAccount account = staffAccounts.create(
                        new NewStaffAccount(
                                names.next(registrar.email()),
                                registrar.name(),
                                registrar.email(),
                                application.getLanguage(),
                                i == 0 ? Role.MAIN_USER : Role.REGISTRAR,
                                organisation.getId()),
                        user.username());
                application.linkRegistrarAccount(i, account.getId());
            }
        }
        application.approve(
                user.displayName(), organisation.getId(), organisation.getCustomerNumber(), now, clock.workingDays());
        audit.success(
                user.username(),
                AuditEvent.INSTITUTION_APPLICATION_APPROVED,
                "INSTITUTION_APPLICATION",
                id,
                application.getReference() + " " + organisation.getCustomerNumber());
        // The registrars are mentioned only when invitations really go out: a care home has none.
        List<Registrar> invited = application.needsRegistrars() ? application.registrars() : List.of();
        Map<String, String> params = new HashMap<>();
        params.put("customerNumber", organisation.getCustomerNumber());
        params.put("username", customerUsername);
        params.put("registrars", invited.stream().map(Registrar::name).collect(Collectors.joining(", ")));
        mailbox.enqueue(mails.to(
                        application,
                        invited.isEmpty() ? ApplicationMails.APPROVED : ApplicationMails.APPROVED_WITH_REGISTRARS,
                        id.toString(),
                        params)
                .withLink(TokenPurpose.CUSTOMER_ACTIVATION, customerAccount));
        return organisation;
    }

    /** Rejects with a reason the applicant is mailed. */
    @Transactional
    public void reject(UUID id, Long seenVersion, String reason, StaffPrincipal user) {
        InstitutionApplication application = openLocked(id, seenVersion);
        application.reject(user.displayName(), reason, clock.now(), clock.workingDays());
        audit.success(
                user.username(),
                AuditEvent.INSTITUTION_APPLICATION_REJECTED,
                "INSTITUTION_APPLICATION",
                id,
                application.getReference());
        mailbox.enqueue(mails.to(application, ApplicationMails.REJECTED, id.toString(), Map.of("reason", reason)));
    }

    /**
     * @throws AlreadyDecidedException         when it was decided already, whatever the page showed
     * @throws ObjectOptimisticLockingFailureException when it changed after the staff member's page was made
     */
    private InstitutionApplication openLocked(UUID id, Long seenVersion) {
        InstitutionApplication application = applications.findForUpdate(id).orElseThrow(NotFoundException::new);
        application.requireOpen();
        if (seenVersion != null && seenVersion != application.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(InstitutionApplication.class, id);
        }
        return application;
    }
}
