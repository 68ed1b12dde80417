package fi.celia.celianet.institutions.web;

import fi.celia.celianet.institutions.internal.ApplicationStatus;
import fi.celia.celianet.staff.OrganisationType;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The queue's filters, bound like any form: a value that is none of the options is a field error on the same
 * page, not a filter silently dropped. No status means the open applications; no assignee means anyone.
 */
class QueueFilterForm {

    static final List<String> ASSIGNEES = List.of("me", "none");

    private ApplicationStatus status;
    private OrganisationType type;

    @Pattern(regexp = "(me|none)?", message = "{typeMismatch.enum}")
    private String assignee;

    public ApplicationStatus getStatus() {
        return status;
    }

    public void setStatus(ApplicationStatus status) {
        this.status = status;
    }

    public OrganisationType getType() {
        return type;
    }

    public void setType(OrganisationType type) {
        this.type = type;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }
}
