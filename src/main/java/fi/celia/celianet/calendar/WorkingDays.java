package fi.celia.celianet.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Finnish working days: Monday to Friday, minus public holidays and the customary days off.
 * <p>
 * The rules are few and fixed by law (Easter-relative days by the Gregorian computus, Midsummer and All
 * Saints' Day on the Saturday of a set week), so they are computed here and checked against a hand-made
 * list of dates rather than pulled from a general holiday library.
 */
@Service
public class WorkingDays {

    private final Map<Integer, Set<LocalDate>> daysOffByYear = new ConcurrentHashMap<>();

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY
                && day != DayOfWeek.SUNDAY
                && !daysOff(date.getYear()).contains(date);
    }

    /** Whole working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The working day that lies {@code days} working days after {@code from}. */
    public LocalDate plus(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    public Set<LocalDate> daysOff(int year) {
        return daysOffByYear.computeIfAbsent(year, WorkingDays::computeDaysOff);
    }

    private static Set<LocalDate> computeDaysOff(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate midsummerEve =
                LocalDate.of(year, Month.JUNE, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        LocalDate allSaints =
                LocalDate.of(year, Month.OCTOBER, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        // Set.copyOf, not Set.of: days can coincide (Ascension Day falls on May Day when Easter is on
        // 23 March, as in 2008 and 2160), and Set.of throws on duplicates.
        return Set.copyOf(List.of(
                LocalDate.of(year, Month.JANUARY, 1),
                LocalDate.of(year, Month.JANUARY, 6),
                easter.minusDays(2),
                easter,
                easter.plusDays(1),
                LocalDate.of(year, Month.MAY, 1),
                easter.plusDays(39),
                easter.plusDays(49),
                midsummerEve,
                midsummerEve.plusDays(1),
                allSaints,
                LocalDate.of(year, Month.DECEMBER, 6),
                LocalDate.of(year, Month.DECEMBER, 24),
                LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26)));
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
