package fi.celia.celianet.notifications.web;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The sent-mail log's filter and page, bound like any form so that a bad value is a field error on the same page:
 * any part of an address or of a subject.
 */
class MailFilterForm {

    @Size(max = 254, message = "{validation.tooLong}")
    private String q;

    /** The page's cursor: the mails listed after this one (the next page), or before it (the previous page). */
    private UUID before;

    private UUID after;

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public UUID getBefore() {
        return before;
    }

    public void setBefore(UUID before) {
        this.before = before;
    }

    public UUID getAfter() {
        return after;
    }

    public void setAfter(UUID after) {
        this.after = after;
    }
}
