package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AccessPurpose;
import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.sealing.DataSealing.BlindIndex;
import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves a registration exactly once. One transaction writes the submission token (an idempotency key scoped
 * to the staff member), the patron row and its credentials mail in the outbox (or its waiting letter); the unique constraint on the
 * identity code decides between two librarians registering the same person at the same moment.
 */
@Service
public class PatronRegistration {

    private final PatronList list;
    private final RegistrationInserts inserts;
    private final PatronRepository patrons;
    private final ServiceAvailability availability;
    private final PatronMail mail;
    private final CredentialLetters letters;
    private final AuditLog audit;
    private final Clock clock;
    private final DataSealing sealing;

    PatronRegistration(
            RegistrationInserts inserts,
            PatronRepository patrons,
            ServiceAvailability availability,
            PatronMail mail,
            CredentialLetters letters,
            AuditLog audit,
            Clock clock,
            DataSealing sealing,
            PatronList list) {
        this.list = list;
        this.inserts = inserts;
        this.sealing = sealing;
        this.patrons = patrons;
        this.availability = availability;
        this.mail = mail;
        this.letters = letters;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws PatronRejectedException when the registration breaks the patron rules (nothing was written)
     * @throws fi.celia.celianet.maintenance.ServiceClosedException while a maintenance window closes registration
     * @throws DuplicateIdentityCodeException when the identity code is already registered (nothing was written)
     * @throws SubmissionTokenReusedException when the token already saved a registration with different data
     * @throws SoftDuplicatesException when possible duplicates exist and were not confirmed (nothing was written)
     */
    @Transactional
    public RegistrationResult register(
            NewPatron patron, String submissionToken, boolean softDuplicatesConfirmed, StaffPrincipal user) {
        Instant now = Instant.now(clock);
        List<FieldProblem> problems = patron.validate(Helsinki.dateOf(now), user.isServiceStaff());
        if (!problems.isEmpty()) {
            throw new PatronRejectedException(problems);
        }
        String text = patron.fingerprintText();
        Optional<RegistrationResult> earlier = earlier(user.id(), submissionToken, text);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        availability.require(ClosableService.REGISTRATION);
        if (!softDuplicatesConfirmed) {
            List<Patron> similar = patrons.softDuplicates(
                    patron.identityCode() == null
                            ? null
                            : sealing.index(patron.identityCode().value()).value(),
                    Patron.searchName(patron.firstName() + " " + patron.lastName()),
                    patron.effectiveBirthDate(),
                    patron.email());
            if (!similar.isEmpty()) {
                throw new SoftDuplicatesException(similar);
            }
        }
        UUID id = UUID.randomUUID();
        if (!inserts.recordSubmission(user.id(), submissionToken, sealing.mac(text), id, now)) {
            // a concurrent copy of this submission committed first
            return earlier(user.id(), submissionToken, text).orElseThrow();
        }
        if (registeredUnderAnEarlierIndexKey(patron)
                || !inserts.insert(id, patron, user.id(), user.displayName(), now)) {
            throw new DuplicateIdentityCodeException(patron.identityCode());
        }
        mail.credentials(id);
        if (PatronRules.LETTER.equals(patron.credentialsBy())) {
            // in the registration's transaction: the submission token above makes it one letter per registration
            letters.request(id, CredentialLetters.LETTER, user.username(), now);
        }
        audit.success(
                user.username(),
                AuditEvent.PATRON_REGISTERED,
                "PATRON",
                id,
                "organisation " + patron.organisationId() + ", channel " + patron.channel(),
                AccessPurpose.REGISTRATION);
        list.countsChanged(patron.organisationId());
        return new RegistrationResult(id, false);
    }

    /**
     * While {@code rotate-keys} moves rows to a new index key, a code registered before may still carry its index
     * under the previous key, where the unique constraint cannot see it. (A row the rotation moves meanwhile meets
     * this insert in the constraint: the insert waits for the rotation's batch and then conflicts.)
     */
    private boolean registeredUnderAnEarlierIndexKey(NewPatron patron) {
        if (patron.identityCode() == null) {
            return false;
        }
        List<BlindIndex> indexes =
                sealing.indexesUnderEveryKey(patron.identityCode().value());
        return indexes.stream().skip(1).anyMatch(index -> inserts.identityCodeIndexTaken(index.value()));
    }

    /** The earlier registration this token saved; its fingerprint is a keyed HMAC of the form, never the form. */
    private Optional<RegistrationResult> earlier(UUID staffId, String token, String fingerprintText) {
        return inserts.submission(staffId, token).map(submission -> {
            if (!sealing.macMatches(submission.fingerprint(), fingerprintText)) {
                throw new SubmissionTokenReusedException();
            }
            return new RegistrationResult(submission.patronId(), true);
        });
    }
}
