package fi.celia.celianet.patrons.web;

import fi.celia.celianet.patrons.internal.PatronChanges;
import java.util.List;
import org.springframework.validation.Errors;

/** Editing a patron: contact details, address, services, contact person and guardian, with the registration's limits. */
class PatronEditForm extends PatronFields {

    /** The patron's version when the form was filled in: a save over someone else's newer change is refused. */
    private Long version;

    /** The changes as typed, for the patron rules to check; an unknown service is an error on its field. */
    PatronChanges toChanges(Errors errors) {
        List<String> chosen = chosenServices();
        if (!errors.hasFieldErrors("services") && !SERVICES.containsAll(chosen)) {
            errors.rejectValue("services", "patrons.form.error.services");
        }
        return new PatronChanges(
                getEmail(),
                getPhone(),
                postalAddress(),
                getLanguage(),
                chosen.contains("ONLINE"),
                chosen.contains("CD_CLUBS"),
                getContactName(),
                getContactRelation(),
                getContactPhone(),
                getContactEmail(),
                credentialsRecipient(),
                getCredentialsBy(),
                getGuardianName(),
                getGuardianPhone(),
                getGuardianEmail(),
                isGuardianConsent());
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
