package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.audit.AuditRecord;
import fi.celia.celianet.staff.Organisations;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patron's history as the patron page shows it: what was done to the record (registration, changes, credentials,
 * moves, club memberships, closing), each with who did it and whom they acted for then. Looking at the record (the
 * page, the identity code) stays in the audit trail and is not shown here.
 */
@Service
public class PatronHistory {

    static final String TARGET = "PATRON";

    /** The events the history shows; a view of the page or of the identity code is none of them. */
    public static final Set<AuditEvent> SHOWN = EnumSet.of(
            AuditEvent.PATRON_REGISTERED,
            AuditEvent.PATRON_CHANGED,
            AuditEvent.PATRON_TRANSFERRED,
            AuditEvent.PATRON_CLOSED,
            AuditEvent.PATRON_ERASED,
            AuditEvent.PATRON_CREDENTIALS_RESENT,
            AuditEvent.PATRON_PASSWORD_RESET_REQUESTED,
            AuditEvent.PATRON_PASSWORD_SET,
            AuditEvent.PATRON_PHONE_CODE_GIVEN,
            AuditEvent.PATRON_CREDENTIALS_LETTER_REQUESTED,
            AuditEvent.PATRON_CREDENTIALS_LETTER_PRINTED,
            AuditEvent.PATRON_CREDENTIALS_LETTER_POSTED,
            AuditEvent.BOOKCLUB_SUBSCRIBED,
            AuditEvent.BOOKCLUB_PAUSED,
            AuditEvent.BOOKCLUB_RESUMED,
            AuditEvent.BOOKCLUB_ENDED);

    private static final Set<AuditEvent> WITH_DETAILS =
            EnumSet.of(AuditEvent.PATRON_TRANSFERRED, AuditEvent.PATRON_CLOSED);

    private final AuditLog audit;
    private final Organisations organisations;

    PatronHistory(AuditLog audit, Organisations organisations) {
        this.audit = audit;
        this.organisations = organisations;
    }

    /** The newest entries first. */
    @Transactional(readOnly = true)
    public List<Entry> of(UUID patronId, int limit) {
        return entries(audit.forTarget(TARGET, patronId, SHOWN, limit));
    }

    /** The registration's entry: who registered the patron, and for whom they acted then. */
    @Transactional(readOnly = true)
    public Optional<Entry> registration(UUID patronId) {
        return entries(audit.forTarget(TARGET, patronId, Set.of(AuditEvent.PATRON_REGISTERED), 1)).stream()
                .findFirst();
    }

    private List<Entry> entries(List<AuditRecord> records) {
        Map<UUID, String> names = organisations.namesOf(records.stream()
                .map(AuditRecord::actorOrganisationId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return records.stream()
                .map(r -> new Entry(
                        r.occurredAt(),
                        r.actor(),
                        r.actorService(),
                        r.actorOrganisationId() == null ? null : names.get(r.actorOrganisationId()),
                        r.event(),
                        r.event() == AuditEvent.PATRON_CHANGED ? fields(r.details()) : List.of(),
                        WITH_DETAILS.contains(r.event()) ? r.details() : null))
                .toList();
    }

    /** The changed fields an edit's record names, as message keys; a name that is no recorded field is left out. */
    static List<String> fields(String details) {
        if (details == null || details.isBlank()) {
            return List.of();
        }
        return Arrays.stream(details.split(","))
                .map(String::strip)
                .filter(PatronChange.FIELDS::contains)
                .map(PatronChange::messageKey)
                .toList();
    }

    /**
     * One entry of the history.
     *
     * @param service the actor acted for the service (the service's own staff)
     * @param organisationName the organisation the actor acted for then, when one of its own staff; null otherwise
     * @param fieldKeys for a change, the message keys of the fields that changed
     * @param details what more the entry says (the organisations of a move, the reason for closing); null for none
     */
    public record Entry(
            Instant at,
            String actor,
            boolean service,
            String organisationName,
            AuditEvent event,
            List<String> fieldKeys,
            String details) {}
}
