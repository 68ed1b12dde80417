package fi.celia.celianet.staff.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A signed-in staff member's own password change: the current password and the new one twice. */
class ChangePasswordForm {

    @NotEmpty(message = "{staff.password.error.currentBlank}")
    @Size(max = 1000, message = "{credentials.password.error.long}")
    private String currentPassword;

    @NotEmpty(message = "{credentials.password.error.blank}")
    @Size(max = 1000, message = "{credentials.password.error.long}")
    private String newPassword;

    @NotEmpty(message = "{staff.password.error.confirmBlank}")
    @Size(max = 1000, message = "{credentials.password.error.long}")
    private String confirmPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
