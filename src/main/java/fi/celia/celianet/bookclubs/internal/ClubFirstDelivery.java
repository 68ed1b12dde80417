package fi.celia.celianet.bookclubs.internal;

import java.time.LocalDate;
import java.util.UUID;

/** The delivery date of a club's first shipment whose production has not started. */
public record ClubFirstDelivery(UUID clubId, LocalDate deliveryDate) {}
