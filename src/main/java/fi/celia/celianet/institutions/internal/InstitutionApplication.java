package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.calendar.WorkingDays;
import fi.celia.celianet.institutions.NewApplication;
import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An institution's application to become a community customer, with the registrars it names and what happened
 * to it. The working-day clock runs from submission, pauses while the applicant is asked for more information and
 * stops at the decision; a decided application changes no more.
 */
@Entity
@Table(name = "institution_application")
public class InstitutionApplication {

    static final String SUBMITTED = "SUBMITTED";
    static final String TAKEN = "TAKEN";
    static final String INFO_REQUESTED = "INFO_REQUESTED";
    static final String REPLIED = "REPLIED";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "tracking_token", nullable = false, updatable = false)
    private String trackingToken;

    @Column(name = "submission_token", nullable = false, updatable = false)
    private String submissionToken;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    @Column(name = "organisation_name", nullable = false, updatable = false)
    private String organisationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_type", nullable = false, updatable = false)
    private OrganisationType organisationType;

    @Column(name = "business_id", updatable = false)
    private String businessId;

    @Column(name = "no_business_id_reason", updatable = false)
    private String noBusinessIdReason;

    @Column(name = "contact_name", nullable = false, updatable = false)
    private String contactName;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(nullable = false, updatable = false)
    private String phone;

    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "street_address", nullable = false, updatable = false))
    @AttributeOverride(name = "postalCode", column = @Column(name = "postal_code", nullable = false, updatable = false))
    @AttributeOverride(name = "city", column = @Column(name = "city", nullable = false, updatable = false))
    private PostalAddress postalAddress;

    @Column(updatable = false)
    private String message;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "assignee_id")
    private UUID assigneeId;

    @Column(name = "assignee_name")
    private String assigneeName;

    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "paused_working_days", nullable = false)
    private int pausedWorkingDays;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "working_days_to_decision")
    private Integer workingDaysToDecision;

    @Column(name = "organisation_id")
    private UUID organisationId;

    /** Null until saved, so a new application is persisted without a look-up first. */
    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "institution_application_registrar", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<ApplicationRegistrar> registrars = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredAt ASC, id ASC")
    private List<ApplicationEvent> events = new ArrayList<>();

    protected InstitutionApplication() {}

    /** A new application as the applicant sent it: received, its clock running from {@code now}. */
    public static InstitutionApplication submitted(
            UUID id, String reference, String trackingToken, NewApplication application, Instant now) {
        return new InstitutionApplication(id, reference, trackingToken, application, now);
    }

    private InstitutionApplication(
            UUID id, String reference, String trackingToken, NewApplication application, Instant now) {
        this.id = id;
        this.reference = reference;
        this.trackingToken = trackingToken;
        this.submissionToken = application.submissionToken();
        this.status = ApplicationStatus.RECEIVED;
        this.organisationName = application.organisationName();
        this.organisationType = application.type();
        this.businessId = application.businessId();
        this.noBusinessIdReason = application.noBusinessIdReason();
        this.contactName = application.contactName();
        this.email = application.email();
        this.phone = application.phone();
        this.postalAddress = application.address();
        this.message = application.message();
        this.language = application.language();
        this.clientAddress = application.clientAddress();
        this.submittedAt = now;
        application.registrars().forEach(registrar -> registrars.add(new ApplicationRegistrar(registrar)));
        record(now, contactName, SUBMITTED, null);
    }

    /** @throws AlreadyDecidedException when the application was decided already */
    void requireOpen() {
        if (status.isDecided()) {
            throw new AlreadyDecidedException(status, decidedBy);
        }
    }

    /** Assigns it to a staff member; a received application goes into review. */
    void take(UUID staffId, String staffName, Instant now) {
        requireOpen();
        if (status == ApplicationStatus.RECEIVED) {
            status = ApplicationStatus.IN_REVIEW;
        }
        assign(staffId, staffName);
        record(now, staffName, TAKEN, null);
    }

    /** Asks the applicant a question: the clock pauses until the reply. Whoever asks first takes it. */
    void askApplicant(UUID staffId, String staffName, String question, Instant now) {
        requireOpen();
        if (status != ApplicationStatus.WAITING_FOR_APPLICANT) {
            status = ApplicationStatus.WAITING_FOR_APPLICANT;
            waitingSince = now;
        }
        if (assigneeId == null) {
            assign(staffId, staffName);
        }
        record(now, staffName, INFO_REQUESTED, question);
    }

    /**
     * The applicant answers: the clock runs again, the days spent waiting added to the pause.
     *
     * @throws AlreadyDecidedException when nobody is waiting for a reply
     */
    void reply(String text, Instant now, WorkingDays workingDays) {
        if (status != ApplicationStatus.WAITING_FOR_APPLICANT) {
            throw new AlreadyDecidedException(status, decidedBy);
        }
        pausedWorkingDays = pausedTotal(now, workingDays);
        waitingSince = null;
        status = assigneeId == null ? ApplicationStatus.RECEIVED : ApplicationStatus.IN_REVIEW;
        record(now, contactName, REPLIED, text);
    }

    /** Approves: the organisation made of it is recorded, and the customer number in the history. */
    void approve(String by, UUID organisationId, String customerNumber, Instant now, WorkingDays workingDays) {
        decide(ApplicationStatus.APPROVED, by, null, now, workingDays);
        this.organisationId = organisationId;
        record(now, by, ApplicationStatus.APPROVED.name(), customerNumber);
    }

    void reject(String by, String reason, Instant now, WorkingDays workingDays) {
        decide(ApplicationStatus.REJECTED, by, reason, now, workingDays);
        record(now, by, ApplicationStatus.REJECTED.name(), reason);
    }

    private void decide(ApplicationStatus decision, String by, String reason, Instant now, WorkingDays workingDays) {
        requireOpen();
        pausedWorkingDays = pausedTotal(now, workingDays);
        workingDaysToDecision = Math.max(
                0, workingDays.between(Helsinki.dateOf(submittedAt), Helsinki.dateOf(now)) - pausedWorkingDays);
        waitingSince = null;
        status = decision;
        decidedAt = now;
        decidedBy = by;
        decisionReason = reason;
    }

    /** Records the staff account made for the registrar at {@code index}. */
    void linkRegistrarAccount(int index, UUID accountId) {
        registrars.get(index).linkAccount(accountId);
    }

    private int pausedTotal(Instant now, WorkingDays workingDays) {
        return pausedWorkingDays
                + (waitingSince == null ? 0 : workingDays.between(Helsinki.dateOf(waitingSince), Helsinki.dateOf(now)));
    }

    private void assign(UUID staffId, String staffName) {
        assigneeId = staffId;
        assigneeName = staffName;
    }

    private void record(Instant at, String actor, String kind, String text) {
        events.add(new ApplicationEvent(this, at, actor, kind, text));
    }

    /** The newest question asked of the applicant, if any. */
    Optional<String> latestQuestion() {
        String question = null;
        for (ApplicationEvent event : events) {
            if (INFO_REQUESTED.equals(event.kind())) {
                question = event.text();
            }
        }
        return Optional.ofNullable(question);
    }

    List<HistoryEntry> history() {
        return events.stream().map(ApplicationEvent::toEntry).toList();
    }

    public List<Registrar> registrars() {
        return registrars.stream().map(ApplicationRegistrar::toRegistrar).toList();
    }

    public boolean needsRegistrars() {
        return Application.needsRegistrars(organisationType);
    }

    public UUID getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getTrackingToken() {
        return trackingToken;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public OrganisationType getOrganisationType() {
        return organisationType;
    }

    public String getBusinessId() {
        return businessId;
    }

    public String getNoBusinessIdReason() {
        return noBusinessIdReason;
    }

    public String getContactName() {
        return contactName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public PostalAddress getPostalAddress() {
        return postalAddress;
    }

    public String getMessage() {
        return message;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public UUID getAssigneeId() {
        return assigneeId;
    }

    public String getAssigneeName() {
        return assigneeName;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

    public int getPausedWorkingDays() {
        return pausedWorkingDays;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public UUID getOrganisationId() {
        return organisationId;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
