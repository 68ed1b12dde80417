package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AccessPurpose;
import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping the record right over the patron's life: editing details, moving the patron to another organisation,
 * closing and erasing. Each change is kept in the patron's history and audited.
 */
@Service
public class PatronLifecycle {

    /** Who a scheduled job acts as: service-wide, of no organisation, never signed in. */
    private static final StaffPrincipal SYSTEM =
            new StaffPrincipal(null, "system", "system", Role.ADMIN, null, "fi", null, false);

    private final PatronRecords records;
    private final PatronRepository patrons;
    private final Organisations organisations;
    private final CredentialTokens tokens;
    private final AuditLog audit;
    private final PatronTransfers transfers;
    private final Mailbox mailbox;
    private final KeptSearches keptSearches;
    private final RegistrationInserts registrationSubmissions;
    private final Clock clock;

    PatronLifecycle(
            PatronRecords records,
            PatronRepository patrons,
            Organisations organisations,
            CredentialTokens tokens,
            AuditLog audit,
            PatronTransfers transfers,
            Mailbox mailbox,
            KeptSearches keptSearches,
            RegistrationInserts registrationSubmissions,
            Clock clock) {
        this.records = records;
        this.patrons = patrons;
        this.organisations = organisations;
        this.tokens = tokens;
        this.audit = audit;
        this.transfers = transfers;
        this.mailbox = mailbox;
        this.keptSearches = keptSearches;
        this.registrationSubmissions = registrationSubmissions;
        this.clock = clock;
    }

    /**
     * Saves changed details; every changed field is kept in the patron's history (who, when, old, new).
     *
     * @param readVersion the patron's {@link Patron#version()} when the form was filled in, or null when unknown
     * @throws ObjectOptimisticLockingFailureException when someone else changed the patron since (nothing is saved)
     * @throws PatronRejectedException when the changes break the patron rules (nothing is saved)
     */
    @Transactional
    public void update(StaffPrincipal user, UUID id, Long readVersion, PatronChanges changes) {
        Patron patron = records.find(user, id);
        if (patron.erased()) {
            throw new NotFoundException();
        }
        if (readVersion != null && readVersion != patron.version()) {
            throw new ObjectOptimisticLockingFailureException(Patron.class, id);
        }
        Instant now = Instant.now(clock);
        List<FieldProblem> problems = changes.validate(patron, Helsinki.dateOf(now));
        if (!problems.isEmpty()) {
            throw new PatronRejectedException(problems);
        }
        List<String> changed = patron.change(changes, user, now);
        if (changed.isEmpty()) {
            return;
        }
        // flushed here, so that a concurrent save that committed first surfaces as the repository's exception
        patrons.flush();
        audit.success(
                user.username(),
                AuditEvent.PATRON_CHANGED,
                "PATRON",
                id,
                String.join(", ", changed),
                AccessPurpose.EDIT);
    }

    /**
     * Moves responsibility for the patron to another organisation: a registrar takes the patron over for their
     * own organisation, naming the single-use take-over grant that their search by the patron's exact identity code
     * was given ({@link KeptSearches}), once the patron agreed; service staff move a patron to any active
     * organisation. Kept in the patron's
     * history and audited, naming both organisations; the patron is told by e-mail when the credentials go by
     * e-mail, and the organisation left behind sees the transfer on its home page.
     *
     * @throws NotFoundException when there is no such active patron, or the grant is not the user's unused grant for
     *     this patron
     */
    @Transactional
    public void transfer(StaffPrincipal user, UUID id, UUID takeoverGrant, UUID targetOrganisationId) {
        Patron patron = patrons.findById(id).filter(Patron::active).orElseThrow(NotFoundException::new);
        UUID target;
        if (user.isServiceStaff()) {
            target = organisations
                    .find(targetOrganisationId)
                    .filter(Organisation::isActive)
                    .orElseThrow(NotFoundException::new)
                    .getId();
        } else {
            if (!keptSearches.useGrant(user, takeoverGrant, id)) {
                throw new NotFoundException();
            }
            target = user.organisationId();
        }
        if (target.equals(patron.organisationId())) {
            return;
        }
        String from = organisations.nameOf(patron.organisationId());
        String to = organisations.nameOf(target);
        UUID previous = patron.organisationId();
        Instant now = Instant.now(clock);
        patron.transfer(target, from, to, user, now);
        // told by their credentials route: by e-mail when the credentials go by e-mail; otherwise the patron page
        // says that nobody was told
        String recipient = patron.credentialsRecipient();
        if (recipient != null) {
            mailbox.enqueue(PatronMail.mail(
                    patron, recipient, PatronMail.TRANSFER, UUID.randomUUID(), Map.of("organisation", to)));
        }
        transfers.record(id, previous, target, now, recipient != null);
        audit.success(
                user.username(),
                AuditEvent.PATRON_TRANSFERRED,
                "PATRON",
                id,
                from + " → " + to,
                AccessPurpose.TRANSFER);
    }

    /** The patron's latest transfer between organisations, with both names, as the patron page tells it. */
    @Transactional(readOnly = true)
    public Optional<TransferView> lastTransfer(UUID patronId) {
        return transfers.latest(patronId).map(this::view);
    }

    /** The organisation's patrons moved to another organisation in the last 30 days, newest first. */
    @Transactional(readOnly = true)
    public List<TransferView> transfersAway(UUID organisationId, int limit) {
        return transfers.awayFrom(organisationId, Instant.now(clock).minus(Duration.ofDays(30)), limit).stream()
                .map(this::view)
                .toList();
    }

    private TransferView view(PatronTransfers.Transfer t) {
        return new TransferView(
                t.patronNumber(),
                t.patronName(),
                organisations.nameOf(t.from()),
                organisations.nameOf(t.to()),
                t.at(),
                t.patronTold());
    }

    /** A transfer as people read it: the patron, both organisations by name, when, and whether the patron was told. */
    public record TransferView(
            String patronNumber, String patronName, String fromName, String toName, Instant at, boolean told) {}

    /** Closes the patron: no sign-in (password and links revoked), no shipments; still findable. Service staff only. */
    @Transactional
    public boolean close(StaffPrincipal user, UUID id, String reason) {
        requireServiceStaff(user);
        Patron patron = patrons.findById(id).orElseThrow(NotFoundException::new);
        if (!patron.close(reason, user, Instant.now(clock))) {
            return false;
        }
        tokens.revokeAll(id);
        audit.success(user.username(), AuditEvent.PATRON_CLOSED, "PATRON", id, reason, AccessPurpose.EDIT);
        return true;
    }

    /** Erases a closed patron's personal data on request; the patron number and audit trail stay. Service staff only. */
    @Transactional
    public boolean erase(StaffPrincipal user, UUID id) {
        requireServiceStaff(user);
        return eraseAs(user, id);
    }

    /**
     * Erases a patron closed longer than personal data is kept, as the retention job: the same erasure as on
     * request, recorded in the history and the audit trail as done by {@code system}. @return false when not closed
     */
    @Transactional
    public boolean eraseExpired(UUID id) {
        return eraseAs(SYSTEM, id);
    }

    private boolean eraseAs(StaffPrincipal user, UUID id) {
        Patron patron = patrons.findWithChangesById(id).orElseThrow(NotFoundException::new);
        List<String> addresses =
                Stream.of(patron.email()).filter(Objects::nonNull).toList();
        List<String> values = personalValues(patron);
        if (!patron.erase(user, Instant.now(clock))) {
            return false;
        }
        keptSearches.forget(id);
        registrationSubmissions.forget(id);
        mailbox.forget("PATRON", id, addresses);
        audit.erase("PATRON", id, values, List.of(AuditEvent.PATRON_CLOSED));
        audit.success(user.username(), AuditEvent.PATRON_ERASED, "PATRON", id, null, AccessPurpose.EDIT);
        return true;
    }

    /** What of the patron's personal data could have been written into free text: names, addresses, numbers. */
    private static List<String> personalValues(Patron patron) {
        List<String> values = new ArrayList<>();
        String code = patron.identityCode();
        if (code != null) {
            values.add(code);
            if (code.length() == 11) {
                values.add(code.substring(0, 6) + code.substring(7));
            }
        }
        Stream.of(
                        patron.name(),
                        patron.firstName(),
                        patron.lastName(),
                        patron.email(),
                        patron.phone(),
                        patron.contactName(),
                        patron.contactPhone(),
                        patron.contactEmail(),
                        patron.guardianName(),
                        patron.guardianPhone(),
                        patron.guardianEmail())
                .filter(v -> v != null && v.strip().length() > 2)
                .forEach(v -> {
                    values.add(v.strip());
                    if (v.matches("[+0-9 ()-]+")) {
                        values.add(v.replaceAll("[^+0-9]", ""));
                    }
                });
        return values;
    }

    private static void requireServiceStaff(StaffPrincipal user) {
        if (!user.isServiceStaff()) {
            throw new AccessDeniedException("service staff only");
        }
    }
}
