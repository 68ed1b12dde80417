package fi.celia.celianet.patrons.internal;

import java.util.UUID;

/**
 * A saved registration: {@code repeated} when this submission token had already saved the patron (a
 * double click, a refresh) and nothing new was written.
 */
public record RegistrationResult(UUID patronId, boolean repeated) {}
