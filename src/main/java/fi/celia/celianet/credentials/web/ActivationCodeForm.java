package fi.celia.celianet.credentials.web;

import jakarta.validation.constraints.Size;

/** The short code as the patron types it; case, spaces and dashes do not matter. */
class ActivationCodeForm {

    @Size(max = 40, message = "{activate.error.unknown}")
    private String code;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
