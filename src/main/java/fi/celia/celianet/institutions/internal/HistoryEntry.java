package fi.celia.celianet.institutions.internal;

import java.time.Instant;

/** One thing that happened to an application: {@code kind} is SUBMITTED, TAKEN, INFO_REQUESTED, REPLIED, APPROVED or REJECTED. */
public record HistoryEntry(Instant occurredAt, String actor, String kind, String text) {}
