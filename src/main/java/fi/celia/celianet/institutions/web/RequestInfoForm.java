package fi.celia.celianet.institutions.web;

import fi.celia.celianet.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class RequestInfoForm {

    @NotBlank(message = "{institutions.application.error.message}")
    @Size(max = 4000, message = "{validation.tooLong}")
    @MultiLine
    private String message;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
