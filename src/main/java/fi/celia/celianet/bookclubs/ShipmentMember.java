package fi.celia.celianet.bookclubs;

import fi.celia.celianet.shared.PostalAddress;
import java.util.UUID;

/** One row of a frozen member list: the patron and the address as they were when production started. */
public record ShipmentMember(UUID patronId, String patronNumber, String name, PostalAddress address, String language) {}
