package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.MaintenanceWindow;
import fi.celia.celianet.maintenance.WindowState;
import fi.celia.celianet.notifications.Mailing;
import fi.celia.celianet.notifications.Mailings;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announcement mails of maintenance windows. When a window's announce-from time has passed, every staff
 * member and organisation contact with an address gets one mail in their language; a reschedule or a
 * cancellation of an announced window sends a follow-up. The recipients are queued set-wise through the
 * notifications module's {@link Mailings} (ONE {@code INSERT … SELECT} over every mailing list), in the same
 * transaction that marks the window's version as announced; delivery (throttled batches, retries, resumption
 * after a restart) is the outbox's.
 */
@Component
public class Announcements {

    public static final String REFERENCE_TYPE = "MAINTENANCE_WINDOW";
    public static final String TEMPLATE = "maintenance-announcement";

    enum Kind {
        ANNOUNCEMENT,
        RESCHEDULE,
        CANCELLATION
    }

    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    /** Behind every person's own mail (a registration's credentials, say), which has 0. */
    private static final int PRIORITY = 1;

    private final WindowRepository windows;
    private final Mailings mailings;
    private final Clock clock;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    Announcements(
            WindowRepository windows,
            Mailings mailings,
            Clock clock,
            MessageSource messages,
            PlatformTransactionManager transactionManager) {
        this.windows = windows;
        this.mailings = mailings;
        this.clock = clock;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Queues every announcement and follow-up that is due now, each window in a transaction of its own. */
    public int enqueueDue() {
        int queued = 0;
        for (UUID id : windows.announcementDue(Instant.now(clock))) {
            Integer count = transactions.execute(status -> announce(id));
            queued += count == null ? 0 : count;
        }
        return queued;
    }

    private int announce(UUID id) {
        Instant now = Instant.now(clock);
        MaintenanceWindow window = windows.lockById(id).orElse(null);
        if (window == null || (window.announcedVersion() != null && window.announcedVersion() == window.version())) {
            return 0;
        }
        WindowState state = window.stateAt(now);
        Kind kind;
        if (window.announcedVersion() == null) {
            if (!state.isCurrent()) {
                return 0;
            }
            kind = Kind.ANNOUNCEMENT;
        } else {
            kind = state == WindowState.CANCELLED ? Kind.CANCELLATION : Kind.RESCHEDULE;
            // What was announced before is out of date: mails not sent yet are not sent at all.
            mailings.cancelQueued(REFERENCE_TYPE, id, TEMPLATE);
            if (kind == Kind.RESCHEDULE && state == WindowState.COMPLETED) {
                windows.markAnnounced(id);
                return 0;
            }
        }
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (String language : LANGUAGES) {
            subjects.put(language, text(kind, "subject", window, language));
            bodies.put(language, text(kind, "body", window, language));
        }
        int queued = mailings.enqueueToEveryone(
                new Mailing(TEMPLATE, id + ":" + window.version(), subjects, bodies, REFERENCE_TYPE, id, PRIORITY));
        windows.markAnnounced(id);
        return queued;
    }

    /** The subject or body of a mail in one language, with the window's texts, times, services and channels. */
    String text(Kind kind, String part, MaintenanceWindow window, String language) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE d.M.yyyy HH:mm", locale);
        String services = window.services().stream()
                .map(s -> messages.getMessage("maintenance.service." + s, null, locale))
                .collect(Collectors.joining(", "));
        String channels = window.openChannels().isEmpty()
                ? messages.getMessage("maintenance.closed.noChannels", null, locale)
                : messages.getMessage("maintenance.closed.channels", null, locale) + " "
                        + window.openChannels().stream()
                                .map(c -> messages.getMessage("maintenance.channel." + c, null, locale))
                                .collect(Collectors.joining(", "));
        Object[] args = {
            window.title(language),
            format.format(Helsinki.at(window.startsAt())),
            format.format(Helsinki.at(window.effectiveEnd())),
            services,
            window.message(language),
            channels
        };
        return messages.getMessage(
                        "maintenance.mail." + kind.name().toLowerCase(Locale.ROOT) + "." + part, args, locale)
                .replaceAll("\n{3,}", "\n\n");
    }
}
