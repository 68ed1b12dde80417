package fi.celia.celianet.institutions.web;

import fi.celia.celianet.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class RejectForm {

    @NotBlank(message = "{institutions.application.error.reason}")
    @Size(max = 4000, message = "{validation.tooLong}")
    @MultiLine
    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
