package fi.celia.celianet.patrons.web;

import fi.celia.celianet.patrons.internal.PatronListQuery;
import java.util.UUID;

/**
 * The patron list's filters, sort and page, bound from the GET parameters like any form: a value that cannot be
 * read (an unknown option, a control character, a date that does not exist) is a field error on the list page.
 * The dates are typed as people write them ({@code 1.3.2026}) or as the date field sends them.
 */
class PatronListForm {

    private UUID organisationId;
    private String from;
    private String to;
    private PatronListQuery.Status status;
    private String credentials;
    private PatronListQuery.Service service;
    private PatronListQuery.Sort sort;
    private int page;

    public UUID getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(UUID organisationId) {
        this.organisationId = organisationId;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public PatronListQuery.Status getStatus() {
        return status;
    }

    public void setStatus(PatronListQuery.Status status) {
        this.status = status;
    }

    public String getCredentials() {
        return credentials;
    }

    public void setCredentials(String credentials) {
        this.credentials = credentials;
    }

    public PatronListQuery.Service getService() {
        return service;
    }

    public void setService(PatronListQuery.Service service) {
        this.service = service;
    }

    public PatronListQuery.Sort getSort() {
        return sort;
    }

    public void setSort(PatronListQuery.Sort sort) {
        this.sort = sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
