package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.PostalAddress;

/** What a registration and an edit both say about a patron's contact details, services, contact person and guardian. */
interface PatronDetails {

    String email();

    PostalAddress postalAddress();

    boolean serviceOnline();

    boolean serviceCdClubs();

    String contactName();

    String contactRelation();

    String contactPhone();

    String contactEmail();

    String credentialsTo();

    String credentialsBy();

    String guardianName();

    String guardianPhone();

    String guardianEmail();

    boolean guardianConsent();
}
