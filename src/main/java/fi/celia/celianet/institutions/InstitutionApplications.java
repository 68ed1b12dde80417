package fi.celia.celianet.institutions;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.institutions.internal.ApplicationMails;
import fi.celia.celianet.institutions.internal.ApplicationRepository;
import fi.celia.celianet.institutions.internal.InstitutionApplication;
import fi.celia.celianet.institutions.internal.ReferenceCounter;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.notifications.Mailbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Institution applications as they come in from the public form: saved with a reference and a tracking token,
 * acknowledged by mail through the outbox in the same transaction. What happens to them afterwards is the
 * decision workflow's.
 */
@Service
public class InstitutionApplications {

    static final int PER_EMAIL_PER_HOUR = 5;
    static final int PER_CLIENT_PER_HOUR = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApplicationRepository applications;
    private final ReferenceCounter references;
    private final ApplicationMails mails;
    private final ServiceAvailability availability;
    private final Mailbox mailbox;
    private final AuditLog audit;
    private final Clock clock;

    InstitutionApplications(
            ApplicationRepository applications,
            ReferenceCounter references,
            ApplicationMails mails,
            ServiceAvailability availability,
            Mailbox mailbox,
            AuditLog audit,
            Clock clock) {
        this.applications = applications;
        this.references = references;
        this.mails = mails;
        this.availability = availability;
        this.mailbox = mailbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves the application and queues its acknowledgement. The same submission token twice gives the first
     * application back.
     *
     * @return the tracking token of the application
     * @throws fi.celia.celianet.maintenance.ServiceClosedException while a maintenance window closes sign-ups
     * @throws TooManyApplicationsException past the hourly limits
     */
    @Transactional
    public String submit(NewApplication application) {
        availability.require(ClosableService.INSTITUTION_SIGNUP);
        Optional<InstitutionApplication> earlier = applications.findBySubmissionToken(application.submissionToken());
        if (earlier.isPresent()) {
            return earlier.get().getTrackingToken();
        }
        Instant now = Instant.now(clock);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        if (applications.countByEmailSince(application.email(), hourAgo) >= PER_EMAIL_PER_HOUR
                || (application.clientAddress() != null
                        && applications.countByClientSince(application.clientAddress(), hourAgo)
                                >= PER_CLIENT_PER_HOUR)) {
            audit.record(
                    "applicant",
                    AuditEvent.INSTITUTION_APPLICATION_SUBMITTED,
                    "INSTITUTION_APPLICATION",
                    null,
                    AuditOutcome.DENIED,
                    "rate limit");
            throw new TooManyApplicationsException();
        }
        int year = Helsinki.dateOf(now).getYear();
        int number = references.next(year);
        // The counter lock orders concurrent submissions: a double click that waited for it finds the first here.
        earlier = applications.findBySubmissionToken(application.submissionToken());
        if (earlier.isPresent()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return earlier.get().getTrackingToken();
        }
        UUID id = UUID.randomUUID();
        String reference = "L-%d-%05d".formatted(year, number);
        InstitutionApplication saved =
                applications.save(InstitutionApplication.submitted(id, reference, newToken(), application, now));
        audit.success(
                "applicant", AuditEvent.INSTITUTION_APPLICATION_SUBMITTED, "INSTITUTION_APPLICATION", id, reference);
        mailbox.enqueue(mails.to(saved, ApplicationMails.RECEIVED, id.toString(), Map.of()));
        return saved.getTrackingToken();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
