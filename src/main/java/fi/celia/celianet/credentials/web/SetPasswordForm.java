package fi.celia.celianet.credentials.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

class SetPasswordForm {

    @NotEmpty(message = "{credentials.password.error.blank}")
    @Size(max = 1000, message = "{credentials.password.error.long}")
    private String password;

    @Size(max = 1000, message = "{credentials.password.error.long}")
    private String confirmPassword;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
