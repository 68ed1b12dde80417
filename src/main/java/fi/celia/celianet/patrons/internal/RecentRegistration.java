package fi.celia.celianet.patrons.internal;

/** A patron on a registrar's home page, with where the patron's credentials stand. */
public record RecentRegistration(Patron patron, CredentialsStatus credentials) {}
