package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.RecipientCount;
import java.util.List;
import java.util.Set;

/** Recipient counts for a table: each audience by language, each audience's total and the grand total. */
public record AudienceCounts(List<RecipientCount> counts, Set<Audience> audiences) {

    public static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    public List<String> languages() {
        return LANGUAGES;
    }

    public long of(Audience audience, String language) {
        return counts.stream()
                .filter(c -> c.audience() == audience && c.language().equals(language))
                .mapToLong(RecipientCount::count)
                .sum();
    }

    public long of(Audience audience) {
        return counts.stream()
                .filter(c -> c.audience() == audience)
                .mapToLong(RecipientCount::count)
                .sum();
    }

    public long total() {
        return counts.stream().mapToLong(RecipientCount::count).sum();
    }
}
