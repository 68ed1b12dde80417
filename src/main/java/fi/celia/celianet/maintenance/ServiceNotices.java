package fi.celia.celianet.maintenance;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.calendar.Horizon;
import fi.celia.celianet.maintenance.internal.NoticeRepository;
import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service notices for libraries: news, known issues with their workaround, Q&A sessions with their join link
 * and, afterwards, a summary. Published by service staff; shown on the staff home page and the public
 * {@code /notices} page between their publish times. Links must be {@code https://}.
 */
@Service
public class ServiceNotices {

    public static final String AUDIT_TYPE = "SERVICE_NOTICE";
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    private static final Pattern PLAIN_HTTP = Pattern.compile("(?i)\\bhttp://");
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final NoticeRepository repository;
    private final Clock clock;
    private final AuditLog audit;

    ServiceNotices(NoticeRepository repository, Clock clock, AuditLog audit) {
        this.repository = repository;
        this.clock = clock;
        this.audit = audit;
    }

    /** Notices published now: Q&A sessions to come first (soonest first), then the newest others. */
    @Transactional(readOnly = true)
    public List<ServiceNotice> published(int limit) {
        return repository.published(Instant.now(clock), limit);
    }

    /** The next published Q&A session that has not begun. */
    @Transactional(readOnly = true)
    public Optional<ServiceNotice> nextSession() {
        return repository.nextSession(Instant.now(clock));
    }

    @Transactional(readOnly = true)
    public List<ServiceNotice> all() {
        return repository.findTop500ByOrderByPublishFromDesc();
    }

    @Transactional(readOnly = true)
    public Optional<ServiceNotice> find(UUID id) {
        return repository.findById(id);
    }

    public Instant now() {
        return Instant.now(clock);
    }

    /** Everything wrong with the details, each with its own message; empty when they can be saved. */
    public List<FieldProblem> validate(NoticeDetails d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.kind() == null) {
            problems.add(new FieldProblem("kind", "maintenance.notice.error.kind"));
        }
        if (blank(d.titles().get("fi"))) {
            problems.add(new FieldProblem("titleFi", "maintenance.notice.error.titleFi"));
        }
        if (blank(d.bodies().get("fi"))) {
            problems.add(new FieldProblem("bodyFi", "maintenance.notice.error.bodyFi"));
        }
        if (d.kind() == NoticeKind.KNOWN_ISSUE && blank(d.workarounds().get("fi"))) {
            problems.add(new FieldProblem("workaroundFi", "maintenance.notice.error.workaroundFi"));
        }
        if (d.kind() == NoticeKind.QA_SESSION) {
            if (d.sessionStartsAt() == null) {
                problems.add(new FieldProblem("sessionStartsAt", "maintenance.notice.error.sessionStartsAt.required"));
            }
            if (blank(d.joinLink())) {
                problems.add(new FieldProblem("joinLink", "maintenance.notice.error.joinLink.required"));
            } else if (!isHttpsLink(d.joinLink().strip())) {
                problems.add(new FieldProblem("joinLink", "maintenance.notice.error.joinLink.https"));
            }
        }
        if (d.publishFrom() != null
                && d.publishUntil() != null
                && !d.publishUntil().isAfter(d.publishFrom())) {
            problems.add(new FieldProblem("publishUntil", "maintenance.notice.error.publishUntil"));
        }
        Instant now = Instant.now(clock);
        tooFarAhead(problems, "sessionStartsAt", d.sessionStartsAt(), now);
        tooFarAhead(problems, "publishFrom", d.publishFrom(), now);
        tooFarAhead(problems, "publishUntil", d.publishUntil(), now);
        check(problems, "title", d.titles(), MAX_TITLE);
        check(problems, "body", d.bodies(), MAX_TEXT);
        check(problems, "workaround", d.workarounds(), MAX_TEXT);
        check(problems, "summary", d.summaries(), MAX_TEXT);
        return problems;
    }

    /** A time more than {@link Horizon five years} ahead is a typing error (year 9999), not a plan. */
    private static void tooFarAhead(List<FieldProblem> problems, String field, Instant time, Instant now) {
        if (time != null && Horizon.beyond(time, now)) {
            problems.add(new FieldProblem(field, "maintenance.notice.error.tooFarAhead"));
        }
    }

    /** An absolute {@code https://} link with a host, nothing else. */
    public static boolean isHttpsLink(String link) {
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !link.contains(" ");
        } catch (Exception e) {
            return false;
        }
    }

    private static void check(List<FieldProblem> problems, String field, Map<String, String> texts, int max) {
        for (String language : LANGUAGES) {
            String value = texts.get(language);
            String name = field + Character.toUpperCase(language.charAt(0)) + language.substring(1);
            if (value == null) {
                continue;
            }
            if (value.strip().length() > max) {
                problems.add(new FieldProblem(name, "maintenance.notice.error.tooLong"));
            } else if (PLAIN_HTTP.matcher(value).find()) {
                problems.add(new FieldProblem(name, "maintenance.notice.error.httpLink"));
            }
        }
    }

    @Transactional
    public UUID create(NoticeDetails details, String actor) {
        requireValid(details);
        UUID id = UUID.randomUUID();
        repository.save(new ServiceNotice(id, details, Instant.now(clock), actor));
        audit.success(
                actor,
                AuditEvent.SERVICE_NOTICE_CREATED,
                AUDIT_TYPE,
                id,
                details.kind().name());
        return id;
    }

    @Transactional
    public void update(UUID id, NoticeDetails details, String actor) {
        update(id, null, details, actor);
    }

    /**
     * Saves new details made on a page that showed the notice at {@code lockVersion} (null: whatever it is now).
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when someone saved the notice since
     */
    @Transactional
    public void update(UUID id, Long lockVersion, NoticeDetails details, String actor) {
        ServiceNotice notice = repository.findById(id).orElseThrow(NotFoundException::new);
        if (lockVersion != null && lockVersion != notice.lockVersion()) {
            throw new ObjectOptimisticLockingFailureException(ServiceNotice.class, id);
        }
        requireValid(details);
        notice.revise(details, Instant.now(clock), actor);
        repository.flush();
        audit.success(
                actor,
                AuditEvent.SERVICE_NOTICE_EDITED,
                AUDIT_TYPE,
                id,
                details.kind().name());
    }

    private void requireValid(NoticeDetails details) {
        List<FieldProblem> problems = new ArrayList<>(validate(details));
        if (details.publishFrom() == null) {
            problems.add(new FieldProblem("publishFrom", "maintenance.notice.error.publishFrom.required"));
        }
        if (!problems.isEmpty()) {
            throw new WindowRejectedException(problems);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
