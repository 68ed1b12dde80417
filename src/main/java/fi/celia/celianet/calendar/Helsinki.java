package fi.celia.celianet.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Europe/Helsinki, the zone every time is shown in. Times are stored in UTC. */
public final class Helsinki {

    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private Helsinki() {}

    public static ZonedDateTime at(Instant instant) {
        return instant.atZone(ZONE);
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** A wall-clock time in Helsinki as an instant; in the autumn overlap the earlier offset wins. */
    public static Instant instantOf(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
