package fi.celia.celianet.patrons.web;

import java.util.UUID;

/**
 * Taking over a patron found by exact identity code (a registrar, with the patron's agreement, naming the single-use
 * grant the search gave in place of the code) or moving a patron to another organisation (service staff).
 */
class TransferForm {

    private String grant;
    private boolean patronAgreed;
    private String organisationId;

    UUID targetOrganisation() {
        return RegistrationForm.uuid(organisationId);
    }

    UUID takeoverGrant() {
        return RegistrationForm.uuid(grant);
    }

    public String getGrant() {
        return grant;
    }

    public void setGrant(String grant) {
        this.grant = grant;
    }

    public boolean isPatronAgreed() {
        return patronAgreed;
    }

    public void setPatronAgreed(boolean patronAgreed) {
        this.patronAgreed = patronAgreed;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(String organisationId) {
        this.organisationId = organisationId;
    }
}
