package fi.celia.celianet.patrons.web;

import java.util.UUID;

/**
 * A patron search, sent in a POST body (the query may be an identity code). Bound like any form, so a character
 * that may not stand in typed text is an error on {@code q}, shown on the search page. The organisation filter
 * and the page are read leniently: nonsense means no filter and the first page.
 */
class PatronSearchForm {

    /** The longest query the page takes (the field's maxlength); a longer one is refused by the search. */
    static final int MAX_QUERY = 200;

    private String q;
    private String organisationId;
    private String page;

    static PatronSearchForm of(String q) {
        var form = new PatronSearchForm();
        form.setQ(q);
        return form;
    }

    UUID organisationFilter() {
        return RegistrationForm.uuid(organisationId);
    }

    int pageIndex() {
        try {
            return page == null ? 0 : Math.min(10_000, Math.max(0, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The query as the page shows it again. */
    String shownQuery() {
        return q == null ? "" : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(String organisationId) {
        this.organisationId = organisationId;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
