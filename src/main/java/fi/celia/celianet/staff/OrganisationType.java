package fi.celia.celianet.staff;

public enum OrganisationType {
    LIBRARY,
    SCHOOL,
    CARE_HOME,
    OTHER
}
