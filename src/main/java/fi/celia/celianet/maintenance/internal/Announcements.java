package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.MaintenanceWindow;
import fi.celia.celianet.maintenance.WindowState;
import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.Mailing;
import fi.celia.celianet.notifications.Mailings;
import fi.celia.celianet.notifications.RecipientCount;
import fi.celia.celianet.notifications.Wording;
import fi.celia.celianet.shared.PatronServiceLink;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announcement mails of maintenance windows, sent only when an administrator says so. The window's page counts
 * the audiences and previews each mail; the administrator chooses the audiences and confirms a sending, at once
 * or for the window's announce-from time (the announcement job queues it then, counting the audiences again).
 * A sending queues its recipients set-wise through the notifications module's {@link Mailings} (ONE
 * {@code INSERT … SELECT}), in the same transaction that records it; each address gets an announcement once per
 * window version, and an update once per change, whatever is pressed twice. Delivery (throttled batches,
 * retries, resumption after a restart) is the outbox's.
 */
@Component
public class Announcements {

    public static final String REFERENCE_TYPE = "MAINTENANCE_WINDOW";
    public static final String TEMPLATE = "maintenance-announcement";
    public static final String UPDATE_TEMPLATE = "maintenance-update";

    /** What happened to a confirmed sending. */
    public enum Outcome {
        QUEUED,
        SCHEDULED,
        /** The confirmation had been sent before (a second press, a re-sent form): nothing more was done. */
        ALREADY_DONE,
        /** The window is over, or cancelled with nothing to tell: nothing was sent. */
        NOT_ALLOWED
    }

    public record Result(Outcome outcome, int queued) {}

    /** One mail of a preview. */
    public record MailText(Wording wording, String language, String subject, String body) {}

    static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    /** The services a patron (or the person receiving a patron's mail) uses themselves. */
    private static final Set<ClosableService> PATRON_SERVICES =
            EnumSet.of(ClosableService.LENDING, ClosableService.PASSWORD_RESET);
    /** Behind every person's own mail (a registration's credentials, say), which has 0. */
    private static final int PRIORITY = 1;

    private final WindowRepository windows;
    private final SendingRepository sendings;
    private final Mailings mailings;
    private final Clock clock;
    private final MessageSource messages;
    private final ServiceChannels channels;
    private final PatronServiceLink patronService;
    private final TransactionTemplate transactions;

    Announcements(
            WindowRepository windows,
            SendingRepository sendings,
            Mailings mailings,
            Clock clock,
            MessageSource messages,
            ServiceChannels channels,
            PatronServiceLink patronService,
            PlatformTransactionManager transactionManager) {
        this.windows = windows;
        this.sendings = sendings;
        this.mailings = mailings;
        this.clock = clock;
        this.messages = messages;
        this.channels = channels;
        this.patronService = patronService;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The window's sendings, oldest first. */
    @Transactional(readOnly = true)
    public List<AnnouncementSending> sendingsOf(UUID windowId) {
        return sendings.ofWindow(windowId);
    }

    /**
     * What the window's page offers to send now: an update when the window changed (or was cancelled) since a
     * mail about it was queued, otherwise an announcement; null when nothing can be sent.
     */
    public SendingKind offered(MaintenanceWindow window, List<AnnouncementSending> sent) {
        WindowState state = window.stateAt(Instant.now(clock));
        boolean changedSinceSent = window.announcedVersion() != null && window.announcedVersion() != window.version();
        if (state == WindowState.COMPLETED) {
            return null;
        }
        if (state == WindowState.CANCELLED) {
            return changedSinceSent ? SendingKind.UPDATE : null;
        }
        return changedSinceSent && sent.stream().anyMatch(AnnouncementSending::isQueued)
                ? SendingKind.UPDATE
                : SendingKind.ANNOUNCEMENT;
    }

    /** Every audience counted on its own, by language: one grouped query. */
    public List<RecipientCount> countEach() {
        return mailings.countEach(EnumSet.allOf(Audience.class));
    }

    /** The recipients a sending to these audiences would reach now, by audience and language: one grouped query. */
    public List<RecipientCount> count(Set<Audience> audiences) {
        return mailings.count(audiences);
    }

    /**
     * The mails as they would go out now, for each wording (staff, patron, guardian or contact person) and
     * language; a guardian's mail names an example patron.
     */
    public List<MailText> preview(MaintenanceWindow window, SendingKind kind) {
        List<MailText> mails = new ArrayList<>();
        for (Wording wording : List.of(Wording.STAFF, Wording.PATRON, Wording.GUARDIAN)) {
            for (String language : LANGUAGES) {
                Locale locale = Locale.forLanguageTag(language);
                String example = messages.getMessage("maintenance.preview.examplePatron", null, locale);
                mails.add(new MailText(
                        wording,
                        language,
                        text(kind, wording, "subject", window, language).replace(Mailing.ABOUT, example),
                        text(kind, wording, "body", window, language).replace(Mailing.ABOUT, example)));
            }
        }
        return mails;
    }

    /**
     * Carries out a sending an administrator confirmed on the confirmation page, whose id it bears: queues it at
     * once, or records it for the window's announce-from time (at once when that time has come). A sending that
     * is already recorded is not carried out again.
     *
     * @param confirmedCount how many recipients the confirmation page counted
     */
    @Transactional
    public Result send(
            UUID sendingId,
            UUID windowId,
            SendingKind kind,
            Set<Audience> audiences,
            boolean scheduled,
            int confirmedCount,
            String actor) {
        // The window stays locked until the commit: a change to it and a sending never cross, and two
        // confirmations of one sending are taken one after the other.
        MaintenanceWindow window = windows.lockById(windowId).orElseThrow();
        if (sendings.existsById(sendingId)) {
            return new Result(Outcome.ALREADY_DONE, 0);
        }
        Instant now = Instant.now(clock);
        if (audiences.isEmpty() || kind != offered(window, sendings.ofWindow(windowId))) {
            return new Result(Outcome.NOT_ALLOWED, 0);
        }
        Instant at = scheduled ? window.announceFrom() : null;
        AnnouncementSending sending = sendings.save(new AnnouncementSending(
                sendingId, windowId, kind, window.version(), audiences, at, now, actor, confirmedCount));
        if (at != null && at.isAfter(now)) {
            return new Result(Outcome.SCHEDULED, 0);
        }
        return new Result(Outcome.QUEUED, queue(window, sending, now));
    }

    /** Queues every scheduled sending that is due now, each in a transaction of its own. @return mails queued */
    public int enqueueDue() {
        int queued = 0;
        for (UUID id : sendings.due(Instant.now(clock))) {
            Integer count = transactions.execute(status -> {
                // The window first, then the sending: the order a change to the window takes them in.
                UUID windowId = sendings.windowOf(id).orElse(null);
                MaintenanceWindow window =
                        windowId == null ? null : windows.lockById(windowId).orElse(null);
                AnnouncementSending sending = sendings.lockById(id).orElse(null);
                if (window == null || sending == null || sending.isQueued()) {
                    return 0;
                }
                return queue(window, sending, Instant.now(clock));
            });
            queued += count == null ? 0 : count;
        }
        return queued;
    }

    /** The mails of a sending, written from the window as it is now, queued in one statement; recorded. */
    private int queue(MaintenanceWindow window, AnnouncementSending sending, Instant now) {
        SendingKind kind = sending.kind();
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (Wording wording : Wording.values()) {
            for (String language : LANGUAGES) {
                subjects.put(Mailing.key(wording, language), text(kind, wording, "subject", window, language));
                bodies.put(Mailing.key(wording, language), text(kind, wording, "body", window, language));
            }
        }
        String template = kind == SendingKind.UPDATE ? UPDATE_TEMPLATE : TEMPLATE;
        int queued = mailings.enqueue(new Mailing(
                template,
                window.id() + ":" + window.version(),
                sending.audiences(),
                subjects,
                bodies,
                REFERENCE_TYPE,
                window.id(),
                PRIORITY));
        sending.queued(window.version(), queued, now);
        sendings.flush();
        windows.markAnnounced(window.id());
        return queued;
    }

    /**
     * The subject or body of a mail in one language and wording, with the window's texts, times, services and
     * the open channels with their addresses.
     */
    String text(SendingKind kind, Wording wording, String part, MaintenanceWindow window, String language) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE d.M.yyyy HH:mm", locale);
        boolean staff = wording == Wording.STAFF;
        String services;
        if (staff) {
            services = window.services().stream()
                    .map(s -> messages.getMessage("maintenance.service." + s, null, locale))
                    .collect(Collectors.joining(", "));
        } else {
            List<String> closed = window.services().stream()
                    .filter(PATRON_SERVICES::contains)
                    .map(s -> messages.getMessage("maintenance.service.patron." + s, null, locale))
                    .toList();
            services = closed.isEmpty()
                    ? messages.getMessage("maintenance.mail.patron.nothingClosed", null, locale)
                    : messages.getMessage(
                            "maintenance.mail.patron.closes", new Object[] {String.join(", ", closed)}, locale);
        }
        String open = window.openChannels().isEmpty()
                ? messages.getMessage("maintenance.closed.noChannels", null, locale)
                : messages.getMessage("maintenance.closed.channels", null, locale) + " "
                        + channels.describe(window.openChannels(), locale) + ".";
        Object[] args = {
            window.title(language),
            format.format(Helsinki.at(window.startsAt())),
            format.format(Helsinki.at(window.effectiveEnd())),
            services,
            window.message(language),
            open,
            patronService.name(locale),
            Mailing.ABOUT
        };
        String what =
                switch (kind) {
                    case ANNOUNCEMENT -> "announcement";
                    case UPDATE -> window.cancelledAt() != null ? "cancellation" : "reschedule";
                };
        String who =
                switch (wording) {
                    case STAFF -> "";
                    case PATRON -> "patron.";
                    case GUARDIAN, CONTACT -> "proxy.";
                };
        return messages.getMessage("maintenance.mail." + what + "." + who + part, args, locale)
                .replaceAll("\n{3,}", "\n\n");
    }
}
