package fi.celia.celianet.institutions;

/** A person named in an application to register patrons; the first becomes the organisation's main user. */
public record Registrar(String name, String email) {}
