package fi.celia.celianet.maintenance;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.support.TestData;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test windows. Every test gets its own stretch of future time, so windows of different tests never overlap
 * and one test's window never shows in another test's banner or status.
 */
final class Windows {

    private static final AtomicInteger SLOT = new AtomicInteger();
    private static final LocalDateTime FIRST = LocalDate.now(Helsinki.ZONE)
            .plusMonths(6)
            .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .atTime(8, 0);

    private Windows() {}

    /**
     * A Monday 08:00 in Helsinki, four weeks after the previous test's. The first is half a year from today, so that
     * every test's window stays well within the five years ahead that a window may be planned.
     */
    static LocalDateTime freshMonday() {
        return FIRST.plusWeeks(4L * SLOT.incrementAndGet());
    }

    static Instant at(LocalDateTime local) {
        return Helsinki.instantOf(local);
    }

    /** A window from {@code start} for {@code hours}, announced {@code announceDays} days ahead. */
    static UUID create(
            MaintenanceWindows windows,
            LocalDateTime start,
            int hours,
            int announceDays,
            String title,
            Set<ClosableService> services,
            Set<ContactChannel> channels) {
        return windows.create(
                new WindowDetails(
                        at(start),
                        at(start.plusHours(hours)),
                        at(start.minusDays(announceDays)),
                        title,
                        title + " (sv)",
                        "",
                        "Viesti " + title,
                        "",
                        "Message " + title,
                        services,
                        channels),
                "test");
    }

    /** Details that close lending, with the title alone (as a reschedule in a test saves them). */
    static WindowDetails lending(
            LocalDateTime start,
            LocalDateTime end,
            LocalDateTime announceFrom,
            String title,
            ContactChannel... channels) {
        return new WindowDetails(
                at(start),
                at(end),
                at(announceFrom),
                title,
                "",
                "",
                "",
                "",
                "",
                EnumSet.of(ClosableService.LENDING),
                channels.length == 0 ? Set.of() : EnumSet.of(channels[0], channels));
    }

    static String title(String prefix) {
        return TestData.unique(prefix);
    }

    static Set<ClosableService> only(ClosableService first, ClosableService... rest) {
        return EnumSet.of(first, rest);
    }
}
