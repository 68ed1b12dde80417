package fi.celia.celianet.maintenance;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.calendar.Horizon;
import fi.celia.celianet.maintenance.internal.SendingRepository;
import fi.celia.celianet.maintenance.internal.Snapshot;
import fi.celia.celianet.maintenance.internal.WindowRepository;
import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance windows and, through them, which services are open now. Whether a service is open is one indexed
 * query against the injected clock, so a service closes and opens at the window's exact second on every
 * instance without a job having to run. Only what everyone sees alike, the banners, is reused for a second.
 */
@Service
public class MaintenanceWindows implements ServiceAvailability {

    public static final String AUDIT_TYPE = "MAINTENANCE_WINDOW";
    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 4000;

    private final WindowRepository repository;
    private final SendingRepository sendings;
    private final Clock clock;
    private final AuditLog audit;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot<List<CurrentWindow>> banners;

    MaintenanceWindows(WindowRepository repository, SendingRepository sendings, Clock clock, AuditLog audit) {
        this.repository = repository;
        this.sendings = sendings;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOpen(ClosableService service) {
        return closure(service).isEmpty();
    }

    /** The in-progress window closing the service (the one ending last when windows overlap). */
    @Override
    @Transactional(readOnly = true)
    public Optional<ClosureNotice> closure(ClosableService service) {
        Instant now = Instant.now(clock);
        return repository.closing(service.name(), now).map(window -> window.closureOf(service));
    }

    /**
     * How many times this instance has changed a window: lets a cached status see at once that it is out of
     * date. Another instance's change shows when the cache expires.
     */
    public long changes() {
        return changes.get();
    }

    /** The services closed now, for the status API, read in the same query as the windows it shows. */
    @Transactional(readOnly = true)
    public Status status() {
        Instant now = Instant.now(clock);
        List<CurrentWindow> windows = repository.shownBetween(now, now).stream()
                .map(w -> new CurrentWindow(w, w.stateAt(now)))
                .toList();
        Set<ClosableService> closed = EnumSet.noneOf(ClosableService.class);
        windows.stream()
                .filter(w -> w.state() == WindowState.IN_PROGRESS)
                .forEach(w -> closed.addAll(w.window().services()));
        return new Status(now, closed, windows);
    }

    /** What the status API and reader apps see: services closed now and the announced or running windows. */
    public record Status(Instant at, Set<ClosableService> closed, List<CurrentWindow> windows) {}

    /**
     * What the banner shows: announced and running windows, and those completed less than
     * {@link MaintenanceWindow#AFTER_NOTICE} ago. The same for every page, so read at most once a second (and
     * at once after a window changes here).
     */
    public List<CurrentWindow> banners() {
        Instant now = Instant.now(clock);
        long changesNow = changes.get();
        Snapshot<List<CurrentWindow>> snapshot = banners;
        if (snapshot == null || !snapshot.freshAt(now, changesNow)) {
            snapshot = new Snapshot<>(
                    now,
                    changesNow,
                    repository.shownBetween(now.minus(MaintenanceWindow.AFTER_NOTICE), now).stream()
                            .map(w -> new CurrentWindow(w, w.stateAt(now)))
                            .sorted((a, b) -> Integer.compare(bannerOrder(a.state()), bannerOrder(b.state())))
                            .toList());
            banners = snapshot;
        }
        return snapshot.value();
    }

    private static int bannerOrder(WindowState state) {
        return switch (state) {
            case IN_PROGRESS -> 0;
            case ANNOUNCED -> 1;
            default -> 2;
        };
    }

    /** Every window: running and upcoming ones first (soonest first), then past and cancelled ones (newest first). */
    @Transactional(readOnly = true)
    public List<CurrentWindow> all() {
        Instant now = Instant.now(clock);
        return repository.listed(now).stream()
                .map(w -> new CurrentWindow(w, w.stateAt(now)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CurrentWindow> find(UUID id) {
        Instant now = Instant.now(clock);
        return repository.findById(id).map(w -> new CurrentWindow(w, w.stateAt(now)));
    }

    /** Everything wrong with the details, each with its own message; empty when they can be saved. */
    public List<FieldProblem> validate(WindowDetails details) {
        Instant now = Instant.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        if (details.startsAt() != null
                && details.endsAt() != null
                && !details.endsAt().isAfter(details.startsAt())) {
            problems.add(new FieldProblem("endsAt", "maintenance.window.error.endBeforeStart"));
        } else if (details.endsAt() != null && !details.endsAt().isAfter(now)) {
            problems.add(new FieldProblem("endsAt", "maintenance.window.error.inThePast"));
        }
        if (details.announceFrom() != null
                && details.startsAt() != null
                && details.announceFrom().isAfter(details.startsAt())) {
            problems.add(new FieldProblem("announceFrom", "maintenance.window.error.announceAfterStart"));
        }
        tooFarAhead(problems, "startsAt", details.startsAt(), now);
        tooFarAhead(problems, "endsAt", details.endsAt(), now);
        tooFarAhead(problems, "announceFrom", details.announceFrom(), now);
        if (details.titleFi() == null || details.titleFi().isBlank()) {
            problems.add(new FieldProblem("titleFi", "maintenance.window.error.titleFi"));
        }
        for (String field : List.of("titleFi", "titleSv", "titleEn")) {
            String value =
                    switch (field) {
                        case "titleFi" -> details.titleFi();
                        case "titleSv" -> details.titleSv();
                        default -> details.titleEn();
                    };
            if (value != null && value.strip().length() > MAX_TITLE) {
                problems.add(new FieldProblem(field, "maintenance.window.error.titleLength"));
            }
        }
        for (String field : List.of("messageFi", "messageSv", "messageEn")) {
            String value =
                    switch (field) {
                        case "messageFi" -> details.messageFi();
                        case "messageSv" -> details.messageSv();
                        default -> details.messageEn();
                    };
            if (value != null && value.strip().length() > MAX_MESSAGE) {
                problems.add(new FieldProblem(field, "maintenance.window.error.messageLength"));
            }
        }
        if (details.services() == null || details.services().isEmpty()) {
            problems.add(new FieldProblem("services", "maintenance.window.error.services"));
        }
        return problems;
    }

    /** A time more than {@link Horizon five years} ahead is a typing error (year 9999), not a plan. */
    private static void tooFarAhead(List<FieldProblem> problems, String field, Instant time, Instant now) {
        if (time != null && Horizon.beyond(time, now)) {
            problems.add(new FieldProblem(field, "maintenance.window.error.tooFarAhead"));
        }
    }

    @Transactional
    public UUID create(WindowDetails details, String actor) {
        requireValid(details);
        UUID id = UUID.randomUUID();
        repository.save(new MaintenanceWindow(id, details, Instant.now(clock), actor));
        audit.success(actor, AuditEvent.MAINTENANCE_WINDOW_CREATED, AUDIT_TYPE, id, describe(details));
        changes.incrementAndGet();
        return id;
    }

    /**
     * Saves new details. A change of times or services is a reschedule: it bumps the version, so the window's
     * page offers an update to whoever was told. Saving never sends mail.
     */
    @Transactional
    public void update(UUID id, WindowDetails details, String actor) {
        update(id, null, details, actor);
    }

    /**
     * Saves new details made on a page that showed the window at {@code lockVersion} (null: whatever it is now).
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when someone saved the window since
     */
    @Transactional
    public void update(UUID id, Long lockVersion, WindowDetails details, String actor) {
        MaintenanceWindow window = lock(id);
        requireUnchanged(window, lockVersion);
        Instant now = Instant.now(clock);
        if (!window.stateAt(now).isOpenForChange()) {
            throw new WindowRejectedException(
                    List.of(new FieldProblem(null, "maintenance.window.error.closedForChange")));
        }
        requireValid(details);
        boolean rescheduled = window.revise(details, now, actor);
        repository.flush();
        // Saving sends no mail; a sending scheduled for the announce-from time follows it.
        sendings.reschedule(id, window.announceFrom());
        audit.success(
                actor,
                rescheduled ? AuditEvent.MAINTENANCE_WINDOW_RESCHEDULED : AuditEvent.MAINTENANCE_WINDOW_EDITED,
                AUDIT_TYPE,
                id,
                describe(details));
        changes.incrementAndGet();
    }

    /** Cancels a window that has not started. @return false when it has started, ended or was cancelled already */
    @Transactional
    public boolean cancel(UUID id, String actor) {
        if (!lock(id).cancel(Instant.now(clock), actor)) {
            return false;
        }
        repository.flush();
        audit.success(actor, AuditEvent.MAINTENANCE_WINDOW_CANCELLED, AUDIT_TYPE, id, null);
        changes.incrementAndGet();
        return true;
    }

    /** Ends a running window now. @return false when it is not in progress */
    @Transactional
    public boolean endEarly(UUID id, String actor) {
        if (!lock(id).endEarly(Instant.now(clock), actor)) {
            return false;
        }
        repository.flush();
        audit.success(actor, AuditEvent.MAINTENANCE_WINDOW_ENDED_EARLY, AUDIT_TYPE, id, null);
        changes.incrementAndGet();
        return true;
    }

    private MaintenanceWindow lock(UUID id) {
        return repository.lockById(id).orElseThrow(NotFoundException::new);
    }

    private static void requireUnchanged(MaintenanceWindow window, Long lockVersion) {
        if (lockVersion != null && lockVersion != window.lockVersion()) {
            throw new ObjectOptimisticLockingFailureException(MaintenanceWindow.class, window.id());
        }
    }

    private void requireValid(WindowDetails details) {
        if (details.startsAt() == null || details.endsAt() == null || details.announceFrom() == null) {
            throw new WindowRejectedException(List.of(new FieldProblem(null, "maintenance.window.error.time")));
        }
        List<FieldProblem> problems = validate(details);
        if (!problems.isEmpty()) {
            throw new WindowRejectedException(problems);
        }
    }

    private static String describe(WindowDetails d) {
        return "starts " + d.startsAt() + ", ends " + d.endsAt() + ", announce from " + d.announceFrom() + ", closes "
                + join(d.services());
    }

    private static String join(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
