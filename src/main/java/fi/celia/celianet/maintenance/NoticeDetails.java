package fi.celia.celianet.maintenance;

import java.time.Instant;
import java.util.Map;

/**
 * What service staff enter for a notice. Texts are keyed by language ({@code fi}, {@code sv}, {@code en}); Swedish
 * and English fall back to Finnish when blank. {@code publishUntil} may be null (shown until removed).
 */
public record NoticeDetails(
        NoticeKind kind,
        Map<String, String> titles,
        Map<String, String> bodies,
        Map<String, String> workarounds,
        Instant sessionStartsAt,
        String joinLink,
        Map<String, String> summaries,
        Instant publishFrom,
        Instant publishUntil) {}
