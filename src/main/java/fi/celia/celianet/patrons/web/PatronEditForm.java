package fi.celia.celianet.patrons.web;

import fi.celia.celianet.patrons.internal.PatronChanges;
import fi.celia.celianet.shared.PostalAddress;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;

/** Editing a patron: contact details, address, services, contact person and guardian, with the registration's limits. */
class PatronEditForm {

    static final String NAME = RegistrationForm.NAME;
    static final String TEXT = RegistrationForm.TEXT;
    static final String PHONE = RegistrationForm.PHONE;
    static final String EMAIL = RegistrationForm.EMAIL;

    @Size(max = 254, message = "{validation.tooLong}")
    @Email(regexp = EMAIL, message = "{validation.email}")
    private String email;

    @Size(max = 30, message = "{validation.tooLong}")
    @Pattern(regexp = PHONE, message = "{validation.phone}")
    private String phone;

    @Size(max = 200, message = "{validation.tooLong}")
    @Pattern(regexp = TEXT, message = "{validation.characters}")
    private String streetAddress;

    @Size(max = 5, message = "{validation.postalCode}")
    @Pattern(regexp = "([0-9]{5})?", message = "{validation.postalCode}")
    private String postalCode;

    @Size(max = 100, message = "{validation.tooLong}")
    @Pattern(regexp = TEXT, message = "{validation.characters}")
    private String city;

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

    @Pattern(regexp = "PATRON|CONTACT", message = "{patrons.form.error.credentialsTo}")
    private String credentialsTo = "PATRON";

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

    /** The patron's version when the form was filled in: a save over someone else's newer change is refused. */
    private Long version;

    /** The changes as typed, for the patron rules to check; an unknown service is an error on its field. */
    PatronChanges toChanges(Errors errors) {
        List<String> chosen = services == null ? List.of() : services;
        if (!errors.hasFieldErrors("services") && !RegistrationForm.SERVICES.containsAll(chosen)) {
            errors.rejectValue("services", "patrons.form.error.services");
        }
        return new PatronChanges(
                email,
                phone,
                PostalAddress.of(streetAddress, postalCode, city),
                language,
                chosen.contains("ONLINE"),
                chosen.contains("CD_CLUBS"),
                contactName,
                contactRelation,
                contactPhone,
                contactEmail,
                "CONTACT".equals(credentialsTo) ? "CONTACT" : "PATRON",
                guardianName,
                guardianPhone,
                guardianEmail,
                guardianConsent);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getStreetAddress() {
        return streetAddress;
    }

    public void setStreetAddress(String streetAddress) {
        this.streetAddress = streetAddress;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
