package fi.celia.celianet.maintenance;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A maintenance window as stored. Its state follows from the times and a moment: see {@link #stateAt}.
 *
 * @param endsAt       the scheduled end; {@link #effectiveEnd()} is the end that counts (earlier when ended early)
 * @param version      bumped by each reschedule and by cancellation; announcements go out once per version
 */
public record MaintenanceWindow(UUID id, Instant startsAt, Instant endsAt, Instant announceFrom,
        Map<String, String> titles, Map<String, String> messages, Set<ClosableService> services,
        Set<ContactChannel> openChannels, Instant cancelledAt, Instant endedEarlyAt, int version,
        Integer announcedVersion) {

    /** How long after the end the "report faults to customer service" notice is shown. */
    public static final java.time.Duration AFTER_NOTICE = java.time.Duration.ofDays(7);

    public Instant effectiveEnd() {
        return endedEarlyAt != null && endedEarlyAt.isBefore(endsAt) ? endedEarlyAt : endsAt;
    }

    public WindowState stateAt(Instant now) {
        if (cancelledAt != null) {
            return WindowState.CANCELLED;
        }
        if (!now.isBefore(effectiveEnd())) {
            return WindowState.COMPLETED;
        }
        if (!now.isBefore(startsAt)) {
            return WindowState.IN_PROGRESS;
        }
        if (!now.isBefore(announceFrom)) {
            return WindowState.ANNOUNCED;
        }
        return WindowState.SCHEDULED;
    }

    public boolean closes(ClosableService service) {
        return services.contains(service);
    }

    /** The title in a language, Finnish when that language has none. */
    public String title(String language) {
        return inLanguage(titles, language);
    }

    /** The message in a language, Finnish when that language has none; may be empty. */
    public String message(String language) {
        String message = inLanguage(messages, language);
        return message == null ? "" : message;
    }

    public ClosureNotice closureOf(ClosableService service) {
        return new ClosureNotice(id, service, titles, startsAt, effectiveEnd(), openChannels);
    }

    static String inLanguage(Map<String, String> texts, String language) {
        String text = texts.get(language);
        return text == null || text.isBlank() ? texts.get("fi") : text;
    }
}
