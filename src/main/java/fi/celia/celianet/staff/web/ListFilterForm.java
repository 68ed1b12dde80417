package fi.celia.celianet.staff.web;

import jakarta.validation.constraints.Size;

/**
 * The search of the administrators' lists of organisations and of staff accounts, bound like any form so that a bad
 * value is a field error on the same page: any part of a name, whatever the case. The page's cursor is read apart
 * ({@link fi.celia.celianet.shared.ListCursor}), so that a broken link is said of the link, not of a field.
 */
class ListFilterForm {

    @Size(max = 200, message = "{validation.tooLong}")
    private String q;

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
