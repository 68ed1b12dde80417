package fi.celia.celianet.bookclubs;

import java.time.LocalDate;
import java.util.UUID;

/** The next shipment a subscription receives: which one, and when it is delivered. */
public record NextDelivery(UUID id, LocalDate deliveryDate) {}
