package fi.celia.celianet.notifications.web;

import jakarta.validation.constraints.Size;

/**
 * The sent-mail log's filter and page, bound like any form so that a bad value is a field error on the same page:
 * any part of an address or of a subject.
 */
class MailFilterForm {

    @Size(max = 254, message = "{validation.tooLong}")
    private String q;

    private int page;

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
