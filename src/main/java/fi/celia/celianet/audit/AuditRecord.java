package fi.celia.celianet.audit;

import java.time.Instant;

/** One line of the audit trail, as read back. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        AuditOutcome outcome,
        String details) {}
