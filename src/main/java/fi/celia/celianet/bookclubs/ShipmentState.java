package fi.celia.celianet.bookclubs;

/** Follows from the clock: open until production starts, in production until the delivery date, then shipped. */
public enum ShipmentState {
    OPEN,
    IN_PRODUCTION,
    SHIPPED
}
