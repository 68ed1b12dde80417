package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.Organisations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications as staff and the applicant read them: the queue, an application's page, the tracking page. */
@Service
public class ApplicationQueue {

    private static final int QUEUE_LIMIT = 500;

    private final ApplicationRepository applications;
    private final Organisations organisations;
    private final ApplicationFigures figures;
    private final ApplicationClock clock;

    ApplicationQueue(
            ApplicationRepository applications,
            Organisations organisations,
            ApplicationFigures figures,
            ApplicationClock clock) {
        this.applications = applications;
        this.organisations = organisations;
        this.figures = figures;
        this.clock = clock;
    }

    public int targetWorkingDays() {
        return clock.targetWorkingDays();
    }

    /** The applicant's view, with the decision day promised as things are now. */
    @Transactional(readOnly = true)
    public Optional<Application> findByTrackingToken(String trackingToken) {
        if (trackingToken == null || trackingToken.isEmpty() || trackingToken.length() > 100) {
            return Optional.empty();
        }
        return applications.findByTrackingToken(trackingToken).map(a -> {
            int expectedDays = figures.estimate().expectedWorkingDays();
            return clock.view(a, expectedDays, true);
        });
    }

    /** An application's page for staff: the application, its history and anything with the same business ID. */
    @Transactional(readOnly = true)
    public ApplicationPage page(UUID id) {
        InstitutionApplication application = applications.findWithHistory(id).orElseThrow(NotFoundException::new);
        Application view = clock.view(application, clock.targetWorkingDays(), true);
        return new ApplicationPage(view, application.history(), duplicatesOf(view));
    }

    /** The queue, oldest first, with the business IDs on it that another open application or a customer has. */
    @Transactional(readOnly = true)
    public Queue queue(QueueFilter filter) {
        List<ApplicationStatus> statuses =
                filter.status() == null ? new ArrayList<>(ApplicationStatus.OPEN) : List.of(filter.status());
        Boolean assignedToMe =
                "me".equals(filter.assignee()) ? Boolean.TRUE : "none".equals(filter.assignee()) ? Boolean.FALSE : null;
        Instant now = clock.now();
        List<QueueEntry> entries =
                applications.queue(statuses, filter.type(), assignedToMe, filter.me(), Limit.of(QUEUE_LIMIT)).stream()
                        .map(entry -> clock.clocked(entry, now))
                        .toList();
        return new Queue(entries, duplicateBusinessIds(entries));
    }

    /** Of the business IDs on these rows, those shared by more than one open application or with a customer. */
    private Set<String> duplicateBusinessIds(List<QueueEntry> entries) {
        Set<String> businessIds = new HashSet<>();
        entries.stream().map(QueueEntry::businessId).filter(Objects::nonNull).forEach(businessIds::add);
        if (businessIds.isEmpty()) {
            return Set.of();
        }
        Set<String> open = new HashSet<>();
        Set<String> result = new HashSet<>();
        for (var counted : applications.openAmong(businessIds, ApplicationStatus.OPEN)) {
            open.add(counted.getBusinessId());
            if (counted.getApplications() > 1) {
                result.add(counted.getBusinessId());
            }
        }
        if (!open.isEmpty()) {
            result.addAll(organisations.businessIdsAmong(open));
        }
        return result;
    }

    private List<Duplicate> duplicatesOf(Application application) {
        if (application.businessId() == null) {
            return List.of();
        }
        List<Duplicate> result = new ArrayList<>();
        applications
                .openWithBusinessId(application.businessId(), application.id(), ApplicationStatus.OPEN)
                .forEach(other -> result.add(new Duplicate("APPLICATION", other.getId(), other.getReference())));
        organisations.withBusinessId(application.businessId()).stream()
                .filter(o -> !o.getId().equals(application.organisationId()))
                .forEach(o -> result.add(
                        new Duplicate("CUSTOMER", o.getId(), o.getName() + " (" + o.getCustomerNumber() + ")")));
        return result;
    }

    public record ApplicationPage(Application application, List<HistoryEntry> history, List<Duplicate> duplicates) {}

    /** @param duplicateBusinessIds the business IDs on these rows that something else has too */
    public record Queue(List<QueueEntry> entries, Set<String> duplicateBusinessIds) {}
}
