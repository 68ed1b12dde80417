package fi.celia.celianet.patrons.web;

import fi.celia.celianet.shared.ContactFields;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fields that registering a patron and editing one share: contact details, address, language, services,
 * contact person and guardian, each with its server-side limit. Field names are a contract that integrations and
 * checks rely on.
 */
abstract class PatronFields extends ContactFields {

    /** Any alphabet; no control characters and no markup brackets. */
    static final String NAME = PLAIN;

    static final String TEXT = PLAIN;

    static final Set<String> SERVICES = Set.of("ONLINE", "CD_CLUBS");

    @NotBlank(message = "{validation.language}")
    @Pattern(regexp = "fi|sv|en", message = "{validation.language}")
    private String language = "fi";

    @NotEmpty(message = "{patrons.form.error.services}")
    @Size(max = 2, message = "{patrons.form.error.services}")
    private List<String> services = new ArrayList<>();

    @Size(max = 100, message = "{patrons.form.error.nameLength}")
    @Pattern(regexp = NAME, message = "{validation.characters}")
    private String contactName;

    @Size(max = 100, message = "{validation.tooLong}")
    @Pattern(regexp = TEXT, message = "{validation.characters}")
    private String contactRelation;

    @Size(max = 30, message = "{validation.tooLong}")
    @Pattern(regexp = PHONE, message = "{validation.phone}")
    private String contactPhone;

    @Size(max = 254, message = "{validation.tooLong}")
    @Email(regexp = EMAIL, message = "{validation.email}")
    private String contactEmail;

    @Pattern(regexp = "PATRON|CONTACT|GUARDIAN", message = "{patrons.form.error.credentialsTo}")
    private String credentialsTo = "PATRON";

    @NotBlank(message = "{patrons.form.error.credentialsBy}")
    @Pattern(regexp = "EMAIL|LETTER|PHONE|IN_PERSON", message = "{patrons.form.error.credentialsBy}")
    private String credentialsBy = "EMAIL";

    @Size(max = 100, message = "{patrons.form.error.nameLength}")
    @Pattern(regexp = NAME, message = "{validation.characters}")
    private String guardianName;

    @Size(max = 30, message = "{validation.tooLong}")
    @Pattern(regexp = PHONE, message = "{validation.phone}")
    private String guardianPhone;

    @Size(max = 254, message = "{validation.tooLong}")
    @Email(regexp = EMAIL, message = "{validation.email}")
    private String guardianEmail;

    private boolean guardianConsent;

    /** The services as chosen; never null. */
    List<String> chosenServices() {
        return services == null ? List.of() : services;
    }

    /** Whose e-mail receives the credentials: the contact person or the guardian when chosen, otherwise the patron. */
    String credentialsRecipient() {
        return "CONTACT".equals(credentialsTo) || "GUARDIAN".equals(credentialsTo) ? credentialsTo : "PATRON";
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> services) {
        this.services = services;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactRelation() {
        return contactRelation;
    }

    public void setContactRelation(String contactRelation) {
        this.contactRelation = contactRelation;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getCredentialsTo() {
        return credentialsTo;
    }

    public void setCredentialsTo(String credentialsTo) {
        this.credentialsTo = credentialsTo;
    }

    public String getCredentialsBy() {
        return credentialsBy;
    }

    public void setCredentialsBy(String credentialsBy) {
        this.credentialsBy = credentialsBy;
    }

    public String getGuardianName() {
        return guardianName;
    }

    public void setGuardianName(String guardianName) {
        this.guardianName = guardianName;
    }

    public String getGuardianPhone() {
        return guardianPhone;
    }

    public void setGuardianPhone(String guardianPhone) {
        this.guardianPhone = guardianPhone;
    }

    public String getGuardianEmail() {
        return guardianEmail;
    }

    public void setGuardianEmail(String guardianEmail) {
        this.guardianEmail = guardianEmail;
    }

    public boolean isGuardianConsent() {
        return guardianConsent;
    }

    public void setGuardianConsent(boolean guardianConsent) {
        this.guardianConsent = guardianConsent;
    }
}
