package fi.celia.celianet.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail, as read back.
 *
 * @param event null for a record whose action no longer names an event (shown by its stored name)
 * @param actorOrganisationId the organisation the actor acted for when the record was written, when one of its own
 *     staff; null otherwise
 * @param actorService the actor was one of the service's own staff then
 * @param purpose why a patron's record was accessed, when recorded
 */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actor,
        UUID actorOrganisationId,
        boolean actorService,
        String action,
        AuditEvent event,
        String targetType,
        String targetId,
        AuditOutcome outcome,
        String details,
        AccessPurpose purpose) {}
