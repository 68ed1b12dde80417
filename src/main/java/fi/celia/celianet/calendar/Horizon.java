package fi.celia.celianet.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How far ahead anything may be planned: five years from today in Helsinki. A date beyond it (year 9999, say) is a
 * typing error, not a plan, and the services refuse it.
 */
public final class Horizon {

    public static final int YEARS = 5;

    private Horizon() {}

    /** The last date that may be planned on {@code today}. */
    public static LocalDate lastDate(LocalDate today) {
        return today.plusYears(YEARS);
    }

    /** Whether {@code date} is more than five years after {@code today}. */
    public static boolean beyond(LocalDate date, LocalDate today) {
        return date.isAfter(lastDate(today));
    }

    /** Whether {@code time} is more than five years after {@code now}, counted in Helsinki time. */
    public static boolean beyond(Instant time, Instant now) {
        return time.isAfter(Helsinki.at(now).plusYears(YEARS).toInstant());
    }
}
