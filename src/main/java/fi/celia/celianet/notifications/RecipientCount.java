package fi.celia.celianet.notifications;

/** How many addresses of an audience read their mail in a language. */
public record RecipientCount(Audience audience, String language, long count) {}
