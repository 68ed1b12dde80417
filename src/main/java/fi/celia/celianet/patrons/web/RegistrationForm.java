package fi.celia.celianet.patrons.web;

import fi.celia.celianet.calendar.Dates;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.patrons.internal.NewPatron;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.validation.Errors;

/**
 * The registration form. Field names are a contract that integrations and checks rely on. Every field has a
 * server-side limit; {@link #toNewPatron} reads the typed values (identity code, birth date, services,
 * organisation), and the rules that involve several fields are the registration's own ({@link NewPatron#validate}).
 */
class RegistrationForm extends PatronFields {

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

    @NotBlank(message = "{patrons.form.error.channel}")
    @Pattern(regexp = "IN_PERSON|PHONE|REMOTE", message = "{patrons.form.error.channel}")
    private String channel;

    @NotBlank(message = "{patrons.form.error.eligibility}")
    @Pattern(regexp = "VISUAL|READING|PHYSICAL|OTHER", message = "{patrons.form.error.eligibility}")
    private String eligibility;

    @AssertTrue(message = "{patrons.form.error.consent}")
    private boolean consent;

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
        List<String> chosen = chosenServices();
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
                getEmail(),
                getPhone(),
                postalAddress(),
                getLanguage(),
                channel,
                eligibility,
                consent,
                chosen.contains("ONLINE"),
                chosen.contains("CD_CLUBS"),
                getCredentialsBy(),
                getContactName(),
                getContactRelation(),
                getContactPhone(),
                getContactEmail(),
                credentialsRecipient(),
                getGuardianName(),
                getGuardianPhone(),
                getGuardianEmail(),
                isGuardianConsent(),
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
