package fi.celia.celianet.institutions.internal;

import java.util.UUID;

/**
 * Something else with the same business ID: an open application ({@code kind} APPLICATION, label its reference)
 * or an existing customer ({@code kind} CUSTOMER, label its name and customer number).
 */
public record Duplicate(String kind, UUID id, String label) {}
