package fi.celia.celianet.maintenance;

public enum ContactChannel {
    EMAIL,
    PHONE,
    CHAT
}
