package fi.celia.celianet.audit.web;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditOutcome;
import fi.celia.celianet.calendar.Dates;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The audit trail's filters, GET parameters bound like any form so that a bad value is a field error: an event, any
 * part of a user name, an outcome, and a period of dates typed as 31.12.2026.
 */
class AuditFilterForm {

    @Size(max = 100, message = "{validation.tooLong}")
    private String actor;

    private AuditEvent event;
    private AuditOutcome outcome;

    @Size(max = 20, message = "{validation.tooLong}")
    private String from;

    @Size(max = 20, message = "{validation.tooLong}")
    private String to;

    /** The page's cursor: the records older than this record (the next page), or newer (the previous page). */
    private Long before;

    private Long after;

    /** The first day as typed; null when none was typed or it is no date. */
    LocalDate fromDate() {
        return Dates.parse(from);
    }

    /** The last day as typed; null when none was typed or it is no date. */
    LocalDate toDate() {
        return Dates.parse(to);
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public AuditEvent getEvent() {
        return event;
    }

    public void setEvent(AuditEvent event) {
        this.event = event;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditOutcome outcome) {
        this.outcome = outcome;
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

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }

    public Long getAfter() {
        return after;
    }

    public void setAfter(Long after) {
        this.after = after;
    }
}
