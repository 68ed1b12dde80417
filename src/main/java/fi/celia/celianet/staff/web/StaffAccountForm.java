package fi.celia.celianet.staff.web;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

class StaffAccountForm {

    @NotBlank(message = "{staff.account.error.username}")
    @Size(min = 3, max = 64, message = "{staff.account.error.usernameLength}")
    @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{staff.account.error.usernameCharacters}")
    @Pattern(regexp = "(?![Cc]\\d{7}$).*", message = "{staff.account.error.usernamePatronNumber}")
    private String username;

    @NotBlank(message = "{staff.account.error.displayName}")
    @Size(max = 100, message = "{validation.tooLong}")
    @Pattern(regexp = "[^\\p{Cntrl}<>]*", message = "{validation.characters}")
    private String displayName;

    @NotBlank(message = "{staff.account.error.email}")
    @Email(message = "{validation.email}")
    @Size(max = 254, message = "{validation.tooLong}")
    private String email;

    @Pattern(regexp = "fi|sv|en", message = "{validation.language}")
    private String language = "fi";

    @NotNull(message = "{staff.account.error.role}")
    private Role role = Role.REGISTRAR;

    private UUID organisationId;

    static StaffAccountForm of(StaffAccount account) {
        var form = new StaffAccountForm();
        form.username = account.getUsername();
        form.displayName = account.getDisplayName();
        form.email = account.getEmail();
        form.language = account.getLanguage();
        form.role = account.getRole();
        form.organisationId = account.getOrganisationId();
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public UUID getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(UUID organisationId) {
        this.organisationId = organisationId;
    }
}
