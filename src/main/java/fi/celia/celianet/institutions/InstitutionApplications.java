package fi.celia.celianet.institutions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.calendar.WorkingDays;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.institutions.internal.ApplicationRow;
import fi.celia.celianet.institutions.internal.ApplicationStore;
import fi.celia.celianet.institutions.internal.CustomerAccounts;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.NewStaffAccount;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.OrganisationDetails;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.staff.StaffPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Institution applications from submission to decision. The working-day clock runs from submission, pauses
 * while the applicant is asked for more information and stops at the decision. Every step is audited and
 * mailed to the applicant in the application's language, through the outbox in the same transaction.
 */
@Service
public class InstitutionApplications {

    static final String MAIL_RECEIVED = "institution-received";
    static final String MAIL_IN_REVIEW = "institution-in-review";
    static final String MAIL_INFO_REQUESTED = "institution-info-requested";
    static final String MAIL_APPROVED = "institution-approved";
    static final String MAIL_REJECTED = "institution-rejected";
    static final int PER_EMAIL_PER_HOUR = 5;
    static final int PER_CLIENT_PER_HOUR = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApplicationStore store;
    private final CustomerAccounts customers;
    private final Organisations organisations;
    private final StaffAccounts staffAccounts;
    private final ServiceAvailability availability;
    private final WorkingDays workingDays;
    private final Mailbox mailbox;
    private final AuditLog audit;
    private final Clock clock;
    private final int targetWorkingDays;
    private final String baseUrl;

    InstitutionApplications(ApplicationStore store, CustomerAccounts customers, Organisations organisations,
            StaffAccounts staffAccounts, ServiceAvailability availability, WorkingDays workingDays, Mailbox mailbox,
            AuditLog audit, Clock clock, @Value("${celianet.institutions.target-working-days:2}") int targetWorkingDays,
            @Value("${celianet.base-url}") String baseUrl) {
        this.store = store;
        this.customers = customers;
        this.organisations = organisations;
        this.staffAccounts = staffAccounts;
        this.availability = availability;
        this.workingDays = workingDays;
        this.mailbox = mailbox;
        this.audit = audit;
        this.clock = clock;
        this.targetWorkingDays = targetWorkingDays;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public int targetWorkingDays() {
        return targetWorkingDays;
    }

    /**
     * Saves the application and queues its acknowledgement. The same submission token twice gives the first
     * application back.
     *
     * @return the tracking token of the application
     * @throws fi.celia.celianet.maintenance.ServiceClosedException while a maintenance window closes sign-ups
     * @throws TooManyApplicationsException past the hourly limits
     */
    @Transactional
    public String submit(NewApplication application) {
        availability.require(ClosableService.INSTITUTION_SIGNUP);
        Optional<ApplicationRow> earlier = store.findBySubmissionToken(application.submissionToken());
        if (earlier.isPresent()) {
            return earlier.get().trackingToken();
        }
        Instant now = Instant.now(clock);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        if (store.countByEmailSince(application.email(), hourAgo) >= PER_EMAIL_PER_HOUR
                || (application.clientAddress() != null
                    && store.countByClientSince(application.clientAddress(), hourAgo) >= PER_CLIENT_PER_HOUR)) {
            audit.record("applicant", "INSTITUTION_APPLICATION_SUBMITTED", "INSTITUTION_APPLICATION", null,
                    fi.celia.celianet.audit.AuditOutcome.DENIED, "rate limit");
            throw new TooManyApplicationsException();
        }
        int year = Helsinki.dateOf(now).getYear();
        int number = store.nextReferenceNumber(year);
        // The counter lock orders concurrent submissions: a double click that waited for it finds the first here.
        earlier = store.findBySubmissionToken(application.submissionToken());
        if (earlier.isPresent()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return earlier.get().trackingToken();
        }
        UUID id = UUID.randomUUID();
        String reference = "L-%d-%05d".formatted(year, number);
        String trackingToken = newToken();
        store.insert(id, reference, trackingToken, application, now);
        store.addHistory(id, now, application.contactName(), "SUBMITTED", null);
        audit.success("applicant", "INSTITUTION_APPLICATION_SUBMITTED", "INSTITUTION_APPLICATION", id, reference);
        mailbox.enqueue(OutgoingMail.of(id.toString(), application.email(), Locale.forLanguageTag(application.language()),
                        MAIL_RECEIVED, params(application.contactName(), reference, application.organisationName(),
                                trackingToken, Map.of()))
                .about("INSTITUTION_APPLICATION", id));
        return trackingToken;
    }

    @Transactional(readOnly = true)
    public Optional<Application> findByTrackingToken(String trackingToken) {
        if (trackingToken == null || trackingToken.isEmpty() || trackingToken.length() > 100) {
            return Optional.empty();
        }
        int expectedDays = estimate().expectedWorkingDays();
        return store.findByTrackingToken(trackingToken).map(row -> view(row, expectedDays));
    }

    @Transactional(readOnly = true)
    public Application get(UUID id) {
        return store.find(id).map(this::view).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID id) {
        return store.history(id);
    }

    /** The applicant answers a question: the clock runs again. */
    @Transactional
    public void reply(String trackingToken, String text) {
        ApplicationRow row = store.findByTrackingToken(trackingToken).flatMap(r -> store.lock(r.id()))
                .orElseThrow(NotFoundException::new);
        if (row.status() != ApplicationStatus.WAITING_FOR_APPLICANT) {
            throw new AlreadyDecidedException(row.status(), row.decidedBy());
        }
        Instant now = Instant.now(clock);
        int paused = row.pausedWorkingDays() + pausedSince(row.waitingSince(), now);
        store.resume(row.id(), row.assigneeId() == null ? ApplicationStatus.RECEIVED : ApplicationStatus.IN_REVIEW, paused);
        store.addHistory(row.id(), now, row.contactName(), "REPLIED", text);
        audit.success("applicant", "INSTITUTION_APPLICATION_REPLIED", "INSTITUTION_APPLICATION", row.id(), null);
    }

    /** Assigns the application to the staff member; the first take tells the applicant it is being reviewed. */
    @Transactional
    public void take(UUID id, StaffPrincipal user) {
        ApplicationRow row = openLocked(id);
        Instant now = Instant.now(clock);
        ApplicationStatus status = row.status() == ApplicationStatus.RECEIVED ? ApplicationStatus.IN_REVIEW : row.status();
        store.assign(id, user.id(), user.displayName(), status);
        store.addHistory(id, now, user.displayName(), "TAKEN", null);
        audit.success(user.username(), "INSTITUTION_APPLICATION_TAKEN", "INSTITUTION_APPLICATION", id, row.reference());
        mailbox.enqueue(mail(row, MAIL_IN_REVIEW, id.toString(), Map.of()));
    }

    /** Asks the applicant for more information: the clock pauses until the reply. */
    @Transactional
    public void requestInformation(UUID id, String message, StaffPrincipal user) {
        ApplicationRow row = openLocked(id);
        Instant now = Instant.now(clock);
        if (row.status() != ApplicationStatus.WAITING_FOR_APPLICANT) {
            store.waitForApplicant(id, now);
        }
        if (row.assigneeId() == null) {
            store.assign(id, user.id(), user.displayName(), ApplicationStatus.WAITING_FOR_APPLICANT);
        }
        store.addHistory(id, now, user.displayName(), "INFO_REQUESTED", message);
        audit.success(user.username(), "INSTITUTION_APPLICATION_INFO_REQUESTED", "INSTITUTION_APPLICATION", id,
                row.reference());
        mailbox.enqueue(mail(row, MAIL_INFO_REQUESTED, id + ":" + now.toEpochMilli() + ":" + UUID.randomUUID(),
                Map.of("question", message)));
    }

    /**
     * Approves: in this one transaction the organisation (with its customer number), its customer account and,
     * for a library or a school, a staff account per registrar, the first as main user. The contact gets the
     * decision with the customer account's activation link; each registrar gets an invitation.
     *
     * @throws AlreadyDecidedException when someone decided first; nothing is created then
     */
    @Transactional
    public Organisation approve(UUID id, StaffPrincipal user) {
        ApplicationRow row = openLocked(id);
        Instant now = Instant.now(clock);
        Organisation organisation = organisations.create(new OrganisationDetails(row.organisationName(),
                row.organisationType(), row.businessId(), row.email(), row.phone(), row.streetAddress(),
                row.postalCode(), row.city(), row.language()), user.username());
        String customerUsername = organisation.getCustomerNumber().toLowerCase(Locale.ROOT);
        UUID customerAccount = customers.create(organisation.getId(), customerUsername, row.email(), row.language());
        if (Application.needsRegistrars(row.organisationType())) {
            List<Registrar> registrars = store.registrars(id);
            Set<String> taken = new HashSet<>();
            for (int i = 0; i < registrars.size(); i++) {
                Registrar registrar = registrars.get(i);
                String username = username(registrar.email(), taken);
                StaffAccount account = staffAccounts.create(new NewStaffAccount(username, registrar.name(),
                        registrar.email(), row.language(), i == 0 ? Role.MAIN_USER : Role.REGISTRAR,
                        organisation.getId()), user.username());
                store.linkRegistrarAccount(id, i, account.getId());
            }
        }
        int paused = pausedTotal(row, now);
        int days = workingDaysBetween(row.submittedAt(), now, paused);
        store.decide(id, ApplicationStatus.APPROVED, now, user.displayName(), null, paused, days, organisation.getId());
        store.addHistory(id, now, user.displayName(), "APPROVED", organisation.getCustomerNumber());
        audit.success(user.username(), "INSTITUTION_APPLICATION_APPROVED", "INSTITUTION_APPLICATION", id,
                row.reference() + " " + organisation.getCustomerNumber());
        mailbox.enqueue(mail(row, MAIL_APPROVED, id.toString(), Map.of("customerNumber",
                organisation.getCustomerNumber(), "username", customerUsername))
                .withLink(TokenPurpose.CUSTOMER_ACTIVATION, customerAccount));
        return organisation;
    }

    /** Rejects with a reason the applicant is mailed. */
    @Transactional
    public void reject(UUID id, String reason, StaffPrincipal user) {
        ApplicationRow row = openLocked(id);
        Instant now = Instant.now(clock);
        int paused = pausedTotal(row, now);
        int days = workingDaysBetween(row.submittedAt(), now, paused);
        store.decide(id, ApplicationStatus.REJECTED, now, user.displayName(), reason, paused, days, null);
        store.addHistory(id, now, user.displayName(), "REJECTED", reason);
        audit.success(user.username(), "INSTITUTION_APPLICATION_REJECTED", "INSTITUTION_APPLICATION", id, row.reference());
        mailbox.enqueue(mail(row, MAIL_REJECTED, id.toString(), Map.of("reason", reason)));
    }

    /** The queue, oldest first. */
    @Transactional(readOnly = true)
    public List<Application> queue(QueueFilter filter) {
        List<ApplicationStatus> statuses = filter.status() == null ? new ArrayList<>(ApplicationStatus.OPEN)
                : List.of(filter.status());
        return store.queue(statuses, filter.type(), filter.assignee(), filter.me(), 500).stream().map(this::view).toList();
    }

    /** Business IDs shared by more than one open application or by an open application and a customer. */
    @Transactional(readOnly = true)
    public Set<String> duplicateBusinessIds() {
        Set<String> result = new HashSet<>(store.businessIdsOpenMoreThanOnce());
        Set<String> open = new HashSet<>();
        store.open().forEach(row -> {
            if (row.businessId() != null) {
                open.add(row.businessId());
            }
        });
        organisations.all().stream().map(Organisation::getBusinessId).filter(open::contains).forEach(result::add);
        return result;
    }

    @Transactional(readOnly = true)
    public List<Duplicate> duplicatesOf(Application application) {
        if (application.businessId() == null) {
            return List.of();
        }
        List<Duplicate> result = new ArrayList<>();
        store.openWithBusinessId(application.businessId(), application.id())
                .forEach(row -> result.add(new Duplicate("APPLICATION", row.id(), row.reference())));
        organisations.all().stream()
                .filter(o -> application.businessId().equals(o.getBusinessId()) && !o.getId().equals(application.organisationId()))
                .forEach(o -> result.add(new Duplicate("CUSTOMER", o.getId(), o.getName() + " (" + o.getCustomerNumber() + ")")));
        return result;
    }

    /** How long applications take now: the median over the decisions of the last 30 days, and how many wait. */
    @Transactional(readOnly = true)
    public JoinEstimate estimate() {
        Instant now = Instant.now(clock);
        List<Integer> days = new ArrayList<>(store.workingDaysToDecision(now.minus(Duration.ofDays(30)), now.plusSeconds(1)));
        days.sort(null);
        Double median = null;
        if (!days.isEmpty()) {
            int middle = days.size() / 2;
            median = days.size() % 2 == 1 ? days.get(middle) : (days.get(middle - 1) + days.get(middle)) / 2.0;
        }
        return new JoinEstimate(median, store.countOpen(), targetWorkingDays);
    }

    /** Applications received and decided per week, the current week last. */
    @Transactional(readOnly = true)
    public List<WeekFigures> weeks(int count) {
        LocalDate thisWeek = Helsinki.dateOf(Instant.now(clock)).with(java.time.DayOfWeek.MONDAY);
        LocalDate first = thisWeek.minusWeeks(count - 1L);
        Instant from = Helsinki.startOfDay(first);
        int[] received = new int[count];
        int[] decided = new int[count];
        store.submittedSince(from).forEach(at -> bucket(received, first, at));
        store.decidedSince(from).forEach(at -> bucket(decided, first, at));
        List<WeekFigures> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            weeks.add(new WeekFigures(first.plusWeeks(i), received[i], decided[i]));
        }
        return weeks;
    }

    private static void bucket(int[] counts, LocalDate first, Instant at) {
        long index = java.time.temporal.ChronoUnit.WEEKS.between(first, Helsinki.dateOf(at));
        if (index >= 0 && index < counts.length) {
            counts[(int) index]++;
        }
    }

    /** The open applications past the target, oldest first. */
    @Transactional(readOnly = true)
    public List<Application> overdue() {
        return store.open().stream().map(this::view).filter(Application::overdue).toList();
    }

    private Application view(ApplicationRow row) {
        return view(row, targetWorkingDays);
    }

    /** @param expectedDays working days to promise from submission: the target, or longer when the queue is slow */
    private Application view(ApplicationRow row, int expectedDays) {
        Instant now = Instant.now(clock);
        Instant end = row.decidedAt() != null ? row.decidedAt()
                : row.waitingSince() != null ? row.waitingSince() : now;
        int days = workingDaysBetween(row.submittedAt(), end, row.pausedWorkingDays());
        boolean overdue = row.status() != ApplicationStatus.WAITING_FOR_APPLICANT && row.status().isOpen()
                && days > targetWorkingDays;
        LocalDate expected;
        if (row.decidedAt() != null) {
            expected = Helsinki.dateOf(row.decidedAt());
        } else if (row.status() == ApplicationStatus.WAITING_FOR_APPLICANT) {
            expected = null;
        } else {
            LocalDate today = Helsinki.dateOf(now);
            int remaining = expectedDays - days;
            expected = remaining > 0 ? workingDays.plus(today, remaining)
                    : workingDays.isWorkingDay(today) ? today : workingDays.plus(today, 1);
        }
        String question = row.status() == ApplicationStatus.WAITING_FOR_APPLICANT
                ? store.latestQuestion(row.id()).orElse(null) : null;
        return new Application(row.id(), row.reference(), row.trackingToken(), row.status(), row.organisationName(),
                row.organisationType(), row.businessId(), row.noBusinessIdReason(), row.contactName(), row.email(),
                row.phone(), row.streetAddress(), row.postalCode(), row.city(), row.message(), row.language(),
                row.submittedAt(), row.assigneeId(), row.assigneeName(), row.waitingSince(), row.pausedWorkingDays(),
                row.decidedAt(), row.decidedBy(), row.decisionReason(), row.organisationId(), store.registrars(row.id()),
                days, overdue, expected, question);
    }

    private ApplicationRow openLocked(UUID id) {
        ApplicationRow row = store.lock(id).orElseThrow(NotFoundException::new);
        if (row.status().isDecided()) {
            throw new AlreadyDecidedException(row.status(), row.decidedBy());
        }
        return row;
    }

    private int pausedTotal(ApplicationRow row, Instant now) {
        return row.pausedWorkingDays() + (row.waitingSince() == null ? 0 : pausedSince(row.waitingSince(), now));
    }

    private int pausedSince(Instant waitingSince, Instant now) {
        return workingDays.between(Helsinki.dateOf(waitingSince), Helsinki.dateOf(now));
    }

    private int workingDaysBetween(Instant from, Instant to, int paused) {
        return Math.max(0, workingDays.between(Helsinki.dateOf(from), Helsinki.dateOf(to)) - paused);
    }

    private OutgoingMail mail(ApplicationRow row, String template, String dedupeKey, Map<String, String> extra) {
        return OutgoingMail.of(dedupeKey, row.email(), Locale.forLanguageTag(row.language()), template,
                        params(row.contactName(), row.reference(), row.organisationName(), row.trackingToken(), extra))
                .about("INSTITUTION_APPLICATION", row.id());
    }

    private Map<String, String> params(String name, String reference, String organisation, String trackingToken,
            Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        params.put("name", name);
        params.put("reference", reference);
        params.put("organisation", organisation);
        params.put("statusUrl", baseUrl + "/join/status/" + trackingToken);
        return params;
    }

    /** A user name from the e-mail address's local part, unique among staff accounts and this batch. */
    private String username(String email, Set<String> taken) {
        String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "");
        if (local.length() > 40) {
            local = local.substring(0, 40);
        }
        if (local.length() < 3) {
            local = "user" + local;
        }
        String candidate = local;
        for (int n = 2; taken.contains(candidate) || staffAccounts.findByUsername(candidate).isPresent(); n++) {
            candidate = local + n;
        }
        taken.add(candidate);
        return candidate;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
