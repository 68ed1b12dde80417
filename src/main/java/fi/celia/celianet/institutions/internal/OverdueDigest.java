package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.calendar.WorkingDays;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.shared.CelianetProperties;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each working morning, one e-mail to every active service staff member listing the overdue applications. Runs
 * on one instance only (ShedLock); the mail's dedupe key (day and recipient) keeps even a second run from
 * mailing twice.
 */
@Component
public class OverdueDigest {

    static final String TEMPLATE = "institution-overdue-digest";

    private final ApplicationFigures figures;
    private final StaffAccounts staffAccounts;
    private final WorkingDays workingDays;
    private final Mailbox mailbox;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;

    OverdueDigest(
            ApplicationFigures figures,
            StaffAccounts staffAccounts,
            WorkingDays workingDays,
            Mailbox mailbox,
            AuditLog audit,
            Clock clock,
            CelianetProperties properties) {
        this.figures = figures;
        this.staffAccounts = staffAccounts;
        this.workingDays = workingDays;
        this.mailbox = mailbox;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = properties.baseUrl();
    }

    /** Queues the overdue digests; none on a day off or when nothing is overdue. */
    @Scheduled(cron = "${celianet.institutions.digest-cron}", zone = "Europe/Helsinki")
    @SchedulerLock(name = "institutions-overdue-digest", lockAtLeastFor = "PT5M", lockAtMostFor = "PT10M")
    public void send() {
        Instant now = Instant.now(clock);
        LocalDate today = Helsinki.dateOf(now);
        if (!workingDays.isWorkingDay(today)) {
            return;
        }
        List<QueueEntry> overdue = figures.overdue();
        int sent = 0;
        if (!overdue.isEmpty()) {
            String list = overdue.stream()
                    .map(a -> a.reference() + "  " + a.organisationName() + "  (" + a.workingDays() + ")")
                    .collect(Collectors.joining("\n"));
            for (StaffAccount account : staffAccounts.all()) {
                if (!account.isActive() || (account.getRole() != Role.STAFF && account.getRole() != Role.ADMIN)) {
                    continue;
                }
                boolean queued = mailbox.enqueue(OutgoingMail.of(
                                today + ":" + account.getId(),
                                account.getEmail(),
                                Locale.forLanguageTag(account.getLanguage()),
                                TEMPLATE,
                                Map.of(
                                        "name",
                                        account.getDisplayName(),
                                        "count",
                                        String.valueOf(overdue.size()),
                                        "list",
                                        list,
                                        "queueUrl",
                                        baseUrl + "/institutions/applications"))
                        .about("STAFF_ACCOUNT", account.getId()));
                sent += queued ? 1 : 0;
            }
        }
        audit.success(
                "system",
                AuditEvent.INSTITUTION_OVERDUE_DIGEST,
                "INSTITUTION_APPLICATION",
                null,
                overdue.size() + " overdue, " + sent + " mails");
    }
}
