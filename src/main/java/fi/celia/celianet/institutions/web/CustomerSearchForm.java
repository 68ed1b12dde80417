package fi.celia.celianet.institutions.web;

import jakarta.validation.constraints.Size;

/** The customer list's search, bound like any form so that a bad value is a field error on the same page. */
class CustomerSearchForm {

    @Size(max = 200, message = "{validation.tooLong}")
    private String q;

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
