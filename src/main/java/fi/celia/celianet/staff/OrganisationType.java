package fi.celia.celianet.staff;

public enum OrganisationType {
    LIBRARY,
    SCHOOL,
    CARE_HOME,
    OTHER;

    /** A library or a school registers its own patrons through registrar accounts; other types do not. */
    public boolean registersOwnPatrons() {
        return this == LIBRARY || this == SCHOOL;
    }
}
