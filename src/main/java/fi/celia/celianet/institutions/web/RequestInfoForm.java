package fi.celia.celianet.institutions.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class RequestInfoForm {

    @NotBlank(message = "{institutions.application.error.message}")
    @Size(max = 4000, message = "{validation.tooLong}")
    private String message;

    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}
