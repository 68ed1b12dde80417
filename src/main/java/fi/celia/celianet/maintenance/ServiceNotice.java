package fi.celia.celianet.maintenance;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A service notice for libraries, shown between {@code publishFrom} and {@code publishUntil} (open-ended when null). */
public record ServiceNotice(UUID id, NoticeKind kind, Map<String, String> titles, Map<String, String> bodies,
        Map<String, String> workarounds, Instant sessionStartsAt, String joinLink, Map<String, String> summaries,
        Instant publishFrom, Instant publishUntil) {

    public String title(String language) {
        return text(titles, language);
    }

    public String body(String language) {
        return text(bodies, language);
    }

    public String workaround(String language) {
        return text(workarounds, language);
    }

    public String summary(String language) {
        return text(summaries, language);
    }

    public boolean isPublishedAt(Instant now) {
        return !now.isBefore(publishFrom) && (publishUntil == null || now.isBefore(publishUntil));
    }

    /** A Q&A session that has begun: its summary replaces the join link. */
    public boolean sessionHeldBy(Instant now) {
        return sessionStartsAt != null && !now.isBefore(sessionStartsAt);
    }

    private static String text(Map<String, String> texts, String language) {
        String value = MaintenanceWindow.inLanguage(texts, language);
        return value == null ? "" : value;
    }
}
