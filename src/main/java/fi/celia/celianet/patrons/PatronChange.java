package fi.celia.celianet.patrons;

import java.time.Instant;

/** One change in a patron's history: who, when, which field, the old and the new value. */
public record PatronChange(Instant at, String actor, String field, String oldValue, String newValue) {
}
