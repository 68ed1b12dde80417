package fi.celia.celianet.notifications.web;

import jakarta.validation.constraints.Size;

/** The sent-mail log's filter and page, bound like any form so that a bad value is a field error on the same page. */
class MailFilterForm {

    @Size(max = 254, message = "{validation.tooLong}")
    private String recipient;

    private int page;

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
