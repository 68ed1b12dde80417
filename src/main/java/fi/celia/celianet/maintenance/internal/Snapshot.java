package fi.celia.celianet.maintenance.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Something worked out from the windows at a moment, after a number of window changes on this instance. The
 * banner and the status API are the same for everyone, so they are reused for a second, and not at all once a
 * window has changed here; a change made on another instance shows within the second.
 */
public record Snapshot<T>(Instant at, long changes, T value) {

    public static final Duration FRESH_FOR = Duration.ofSeconds(1);

    public boolean freshAt(Instant now, long changesNow) {
        return changes == changesNow && !now.isBefore(at) && now.isBefore(at.plus(FRESH_FOR));
    }
}
