package fi.celia.celianet.patrons.web;

import java.util.UUID;

/**
 * Taking over a patron found by exact identity code (a registrar, with the patron's agreement) or moving a patron
 * to another organisation (service staff).
 */
class TransferForm {

    private String hetu;
    private boolean patronAgreed;
    private String organisationId;

    UUID targetOrganisation() {
        return RegistrationForm.uuid(organisationId);
    }

    public String getHetu() {
        return hetu;
    }

    public void setHetu(String hetu) {
        this.hetu = hetu;
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
