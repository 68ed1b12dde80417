package fi.celia.celianet.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts that pages show on every view, counted once and then kept for a while in this instance, so that a page
 * over a large set (a club of a hundred thousand members, an organisation's fifty thousand patrons) does not count
 * the set again on every view. A page shows a count's age with it ({@link Counted#minutesAgo}). What changes a count
 * in this instance forgets it ({@link #forget}), so whoever made the change sees it at once; other instances see it
 * when their copy expires ({@code celianet.counts.max-age}, 5 minutes).
 */
@Component
public class CountCache {

    /** More keys than this and the expired ones go; if none has expired, all go. */
    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Duration maxAge;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

    CountCache(Clock clock, @Value("${celianet.counts.max-age:5m}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The count kept under the key while it is younger than the maximum age; otherwise counts it now. */
    public <T> Counted<T> get(Object key, Supplier<T> count) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry == null || expired(entry, now)) {
            entry = new Entry(count.get(), now);
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(e -> expired(e, now));
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
            }
            entries.put(key, entry);
        }
        @SuppressWarnings("unchecked")
        T value = (T) entry.value();
        long minutes = Math.max(0, Duration.between(entry.countedAt(), now).toMinutes());
        return new Counted<>(value, entry.countedAt(), minutes);
    }

    /**
     * Forgets the counts whose keys match, so that the next view counts again: at once, and inside a transaction once
     * more after it commits (a view between the two would have counted without the change).
     */
    public void forget(Predicate<Object> keys) {
        entries.keySet().removeIf(keys);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.keySet().removeIf(keys);
                }
            });
        }
    }

    private boolean expired(Entry entry, Instant now) {
        // a clock set back (as in tests) also makes a count stale
        return now.isBefore(entry.countedAt())
                || !now.isBefore(entry.countedAt().plus(maxAge));
    }

    private record Entry(Object value, Instant countedAt) {}
}
