package fi.celia.celianet.staff;

/** {@code MAIN_USER} has every right of {@code REGISTRAR}; {@code ADMIN} every right of {@code STAFF}. */
public enum Role {
    REGISTRAR,
    MAIN_USER,
    STAFF,
    ADMIN;

    public boolean belongsToOrganisation() {
        return this == REGISTRAR || this == MAIN_USER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
