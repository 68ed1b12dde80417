package fi.celia.celianet.shared;

import java.time.Instant;

/**
 * A count as a page shows it: the number and when it was counted, so the page can say how old it is.
 *
 * @param value the count
 * @param countedAt when the database counted it
 * @param minutesAgo whole minutes between the counting and the moment the page asked for it
 */
public record Counted<T>(T value, Instant countedAt, long minutesAgo) {

    /** Counted just now: no age worth showing. */
    public boolean fresh() {
        return minutesAgo < 1;
    }
}
