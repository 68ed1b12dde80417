package fi.celia.celianet.patrons.web;

import fi.celia.celianet.calendar.Dates;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.patrons.internal.NewPatron;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.validation.Errors;

/**
 * The registration form. Field names are a contract that integrations and checks rely on. Every field has a
 * server-side limit; {@link #toNewPatron} reads the typed values (identity code, birth date, services,
 * organisation), and the rules that involve several fields are the registration's own ({@link NewPatron#validate}).
 */
class RegistrationForm {

    /** Any alphabet; no control characters and no markup brackets. */
    static final String NAME = "[^\\p{Cntrl}<>]*";

    static final String TEXT = "[^\\p{Cntrl}<>]*";
    static final String PHONE = "[0-9 +()-]*";
    static final String EMAIL = "([^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+)?";

    static final Set<String> SERVICES = Set.of("ONLINE", "CD_CLUBS");

    @Size(max = 100, message = "{patrons.form.error.token}")
    @Pattern(regexp = "[A-Za-z0-9-]*", message = "{patrons.form.error.token}")
    private String submissionToken;

    @Size(max = 20, message = "{patrons.hetu.error.format}")
    private String hetu;

    @NotBlank(message = "{patrons.form.error.firstName}")
    @Size(max = 100, message = "{patrons.form.error.nameLength}")
    @Pattern(regexp = NAME, message = "{validation.characters}")
    private String firstName;

    @NotBlank(message = "{patrons.form.error.lastName}")
    @Size(max = 100, message = "{patrons.form.error.nameLength}")
    @Pattern(regexp = NAME, message = "{validation.characters}")
    private String lastName;

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

    @NotBlank(message = "{patrons.form.error.channel}")
    @Pattern(regexp = "IN_PERSON|PHONE|REMOTE", message = "{patrons.form.error.channel}")
    private String channel;

    @NotBlank(message = "{patrons.form.error.eligibility}")
    @Pattern(regexp = "VISUAL|READING|PHYSICAL|OTHER", message = "{patrons.form.error.eligibility}")
    private String eligibility;

    @AssertTrue(message = "{patrons.form.error.consent}")
    private boolean consent;

    @NotEmpty(message = "{patrons.form.error.services}")
    @Size(max = 2, message = "{patrons.form.error.services}")
    private List<String> services = new ArrayList<>();

    private boolean paperCredentials;

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

    private boolean confirmSoftDuplicate;

    @Size(max = 36, message = "{patrons.form.error.organisation}")
    private String organisationId;

    private boolean noIdentityCode;

    @Size(max = 10, message = "{patrons.form.error.birthDate}")
    private String birthDate;

    @Size(max = 500, message = "{validation.tooLong}")
    @Pattern(regexp = TEXT, message = "{validation.characters}")
    private String noIdentityCodeReason;

    /**
     * The registration as typed, for the registration's rules to check. A value that cannot be read (an identity
     * code that is no code, a date that does not exist, an unknown service or organisation) is an error on its
     * field, and the registration carries null (or nothing) in its place.
     *
     * @param organisationOk whether the chosen organisation exists and is active (service staff choose one)
     */
    NewPatron toNewPatron(StaffPrincipal user, Errors errors, Predicate<UUID> organisationOk) {
        boolean withoutCode = user.isServiceStaff() && noIdentityCode;
        PersonalIdentityCode code = null;
        LocalDate birth = null;
        if (withoutCode) {
            birth = Dates.parse(birthDate);
            if (birthDate != null && birth == null) {
                reject(errors, "birthDate", "patrons.form.error.birthDate");
            }
        } else if (!errors.hasFieldErrors("hetu")) {
            var validation = PersonalIdentityCode.validate(hetu);
            if (validation.isValid()) {
                code = validation.value();
            } else if (validation.problem() != PersonalIdentityCode.Problem.BLANK) {
                reject(errors, "hetu", validation.problem().messageKey());
            }
        }
        List<String> chosen = services == null ? List.of() : services;
        if (!SERVICES.containsAll(chosen)) {
            reject(errors, "services", "patrons.form.error.services");
        }
        UUID organisation = user.organisationId();
        if (user.isServiceStaff()) {
            organisation = uuid(organisationId);
            if (organisation != null && !organisationOk.test(organisation)) {
                organisation = null;
            }
        }
        return new NewPatron(
                code,
                withoutCode,
                withoutCode ? birth : null,
                withoutCode ? noIdentityCodeReason : null,
                firstName,
                lastName,
                email,
                phone,
                PostalAddress.of(streetAddress, postalCode, city),
                language,
                channel,
                eligibility,
                consent,
                chosen.contains("ONLINE"),
                chosen.contains("CD_CLUBS"),
                paperCredentials,
                contactName,
                contactRelation,
                contactPhone,
                contactEmail,
                "CONTACT".equals(credentialsTo) ? "CONTACT" : "PATRON",
                guardianName,
                guardianPhone,
                guardianEmail,
                guardianConsent,
                organisation);
    }

    private static void reject(Errors errors, String field, String key) {
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, key);
        }
    }

    /** An id as typed; null when it is none. */
    static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getSubmissionToken() {
        return submissionToken;
    }

    public void setSubmissionToken(String submissionToken) {
        this.submissionToken = submissionToken;
    }

    public String getHetu() {
        return hetu;
    }

    public void setHetu(String hetu) {
        this.hetu = hetu;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
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

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getEligibility() {
        return eligibility;
    }

    public void setEligibility(String eligibility) {
        this.eligibility = eligibility;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> services) {
        this.services = services;
    }

    public boolean isPaperCredentials() {
        return paperCredentials;
    }

    public void setPaperCredentials(boolean paperCredentials) {
        this.paperCredentials = paperCredentials;
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

    public boolean isConfirmSoftDuplicate() {
        return confirmSoftDuplicate;
    }

    public void setConfirmSoftDuplicate(boolean confirmSoftDuplicate) {
        this.confirmSoftDuplicate = confirmSoftDuplicate;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(String organisationId) {
        this.organisationId = organisationId;
    }

    public boolean isNoIdentityCode() {
        return noIdentityCode;
    }

    public void setNoIdentityCode(boolean noIdentityCode) {
        this.noIdentityCode = noIdentityCode;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getNoIdentityCodeReason() {
        return noIdentityCodeReason;
    }

    public void setNoIdentityCodeReason(String noIdentityCodeReason) {
        this.noIdentityCodeReason = noIdentityCodeReason;
    }
}
