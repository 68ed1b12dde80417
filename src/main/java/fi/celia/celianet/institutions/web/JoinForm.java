package fi.celia.celianet.institutions.web;

import fi.celia.celianet.shared.ContactFields;
import fi.celia.celianet.shared.FormBinding;
import fi.celia.celianet.shared.MultiLine;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The public application form. Field names are a contract: do not rename them. */
public class JoinForm extends ContactFields {

    static final int MAX_REGISTRARS = FormBinding.MAX_LIST_ROWS;
    private static final String PLAIN = "[^\\p{Cntrl}<>]*";

    @Size(max = 100, message = "{validation.tooLong}")
    private String submissionToken;

    @NotBlank(message = "{institutions.join.error.organisationName}")
    @Size(max = 200, message = "{validation.tooLong}")
    @Pattern(regexp = PLAIN, message = "{validation.characters}")
    private String organisationName;

    private String businessId;

    @Size(max = 500, message = "{validation.tooLong}")
    @Pattern(regexp = PLAIN, message = "{validation.characters}")
    private String noBusinessIdReason;

    @NotBlank(message = "{institutions.join.error.organisationType}")
    @Pattern(regexp = "|SCHOOL|CARE_HOME|LIBRARY|OTHER", message = "{institutions.join.error.organisationType}")
    private String organisationType;

    @NotBlank(message = "{institutions.join.error.contactName}")
    @Size(max = 100, message = "{validation.tooLong}")
    @Pattern(regexp = PLAIN, message = "{validation.characters}")
    private String contactName;

    @Size(max = 4000, message = "{validation.tooLong}")
    @MultiLine
    private String message;

    @AssertTrue(message = "{institutions.join.error.acceptTerms}")
    private boolean acceptTerms;

    /** The honeypot: hidden from people, filled in by robots. */
    private String website;

    private List<RegistrarForm> registrars = new ArrayList<>(List.of(new RegistrarForm()));

    public String getSubmissionToken() {
        return submissionToken;
    }

    public void setSubmissionToken(String submissionToken) {
        this.submissionToken = submissionToken;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getBusinessId() {
        return businessId;
    }

    public void setBusinessId(String businessId) {
        this.businessId = businessId;
    }

    public String getNoBusinessIdReason() {
        return noBusinessIdReason;
    }

    public void setNoBusinessIdReason(String noBusinessIdReason) {
        this.noBusinessIdReason = noBusinessIdReason;
    }

    public String getOrganisationType() {
        return organisationType;
    }

    public void setOrganisationType(String organisationType) {
        this.organisationType = organisationType;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public boolean isAcceptTerms() {
        return acceptTerms;
    }

    public void setAcceptTerms(boolean acceptTerms) {
        this.acceptTerms = acceptTerms;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public List<RegistrarForm> getRegistrars() {
        return registrars;
    }

    public void setRegistrars(List<RegistrarForm> registrars) {
        this.registrars = registrars;
    }

    @Override
    @NotBlank(message = "{institutions.join.error.streetAddress}")
    public String getStreetAddress() {
        return super.getStreetAddress();
    }

    @Override
    @NotBlank(message = "{institutions.join.error.postalCode}")
    public String getPostalCode() {
        return super.getPostalCode();
    }

    @Override
    @NotBlank(message = "{institutions.join.error.city}")
    public String getCity() {
        return super.getCity();
    }

    @Override
    @NotBlank(message = "{institutions.join.error.email}")
    public String getEmail() {
        return super.getEmail();
    }

    @Override
    @NotBlank(message = "{institutions.join.error.phone}")
    @Pattern(regexp = "([0-9 +()-]{5,30})?", message = "{validation.phone}")
    public String getPhone() {
        return super.getPhone();
    }
}
