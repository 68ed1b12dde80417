package fi.celia.celianet.institutions.web;

import fi.celia.celianet.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The applicant's reply on the status page. */
public class ReplyForm {

    @NotBlank(message = "{institutions.status.error.reply}")
    @Size(max = 4000, message = "{validation.tooLong}")
    @MultiLine
    private String reply;

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }
}
