package fi.celia.celianet.staff.web;

import fi.celia.celianet.shared.ContactFields;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.OrganisationDetails;
import fi.celia.celianet.staff.OrganisationType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class OrganisationForm extends ContactFields {

    @NotBlank(message = "{staff.organisation.error.name}")
    @Size(max = 200, message = "{validation.tooLong}")
    @Pattern(regexp = "[^\\p{Cntrl}<>]*", message = "{validation.characters}")
    private String name;

    @NotNull(message = "{staff.organisation.error.type}")
    private OrganisationType type;

    @Size(max = 9, message = "{validation.tooLong}")
    @Pattern(regexp = "(\\d{7}-\\d)?", message = "{staff.organisation.error.businessId}")
    private String businessId;

    @Pattern(regexp = "fi|sv|en", message = "{validation.language}")
    private String language = "fi";

    static OrganisationForm of(Organisation o) {
        var form = new OrganisationForm();
        form.name = o.getName();
        form.type = o.getType();
        form.businessId = o.getBusinessId();
        form.setEmail(o.getEmail());
        form.setPhone(o.getPhone());
        form.showAddress(o.getPostalAddress());
        form.language = o.getLanguage();
        return form;
    }

    OrganisationDetails details() {
        return new OrganisationDetails(
                name.trim(),
                type,
                blankToNull(businessId),
                blankToNull(getEmail()),
                blankToNull(getPhone()),
                PostalAddress.of(blankToNull(getStreetAddress()), blankToNull(getPostalCode()), blankToNull(getCity())),
                language);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OrganisationType getType() {
        return type;
    }

    public void setType(OrganisationType type) {
        this.type = type;
    }

    public String getBusinessId() {
        return businessId;
    }

    public void setBusinessId(String businessId) {
        this.businessId = businessId;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
