package fi.celia.celianet.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as people read and type them, in Helsinki time: one date pattern ({@code 31.12.2026}) and one date-time
 * pattern ({@code 31.12.2026 14.30}), and the long form with the weekday for announcements. Templates call it as
 * {@code ${@dates.date(x)}}; forms parse typed dates strictly with {@link #parse(String)}, so 31.2.2026 is refused,
 * never turned into 28.2.
 */
@Component("dates")
public class Dates {

    public static final String DATE_PATTERN = "d.M.uuuu";
    public static final String DATE_TIME_PATTERN = "d.M.uuuu HH:mm";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(DATE_TIME_PATTERN);
    private static final DateTimeFormatter TYPED_FINNISH =
            DateTimeFormatter.ofPattern(DATE_PATTERN).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TYPED_ISO =
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TYPED_TIME =
            DateTimeFormatter.ofPattern("H.mm").withResolverStyle(ResolverStyle.STRICT);
    /** "11.5.2026 klo 8.00", "11.5.2026 kl. 8.00", "11.5.2026 at 8:00", "11.5.2026 8.00". */
    private static final Pattern TYPED_DATE_TIME = Pattern.compile(
            "(\\d{1,2}\\.\\d{1,2}\\.\\d{4})\\s*(?:,|\\s(?:klo|kl\\.?|at))?\\s+(\\d{1,2})[.:](\\d{2})",
            Pattern.CASE_INSENSITIVE);

    /** A date, or the Helsinki date of an instant; empty for null. */
    public String date(Object value) {
        TemporalAccessor time = helsinki(value);
        return time == null ? "" : DATE.format(time);
    }

    /** An instant (or a local date-time) as Helsinki date and time; empty for null. */
    public String dateTime(Object value) {
        TemporalAccessor time = helsinki(value);
        return time == null ? "" : DATE_TIME.format(time);
    }

    /** With the weekday in the page's language, for maintenance windows: "maanantai 1.6.2026 8.00". */
    public String longDateTime(Object value) {
        TemporalAccessor time = helsinki(value);
        Locale locale = LocaleContextHolder.getLocale();
        return time == null
                ? ""
                : DateTimeFormatter.ofPattern("EEEE " + DATE_TIME_PATTERN, locale)
                        .format(time);
    }

    private static TemporalAccessor helsinki(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return Helsinki.at(instant);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(Helsinki.ZONE);
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return (TemporalAccessor) value;
        }
        throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
    }

    /**
     * A date as typed: {@code 15.5.2026} or the date field's {@code 2026-05-15}.
     *
     * @return the date, or null when the text is not a date that exists
     */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return LocalDate.parse(t, t.contains(".") ? TYPED_FINNISH : TYPED_ISO);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A date and time as typed: as people write it ({@code 11.5.2026 klo 8.00}, {@code 11.5.2026 kl. 8.00},
     * {@code 11.5.2026 8:00}) or as the date-time field sends it ({@code 2026-05-11T08:00}).
     *
     * @return the local date-time, or null when the text is not a date and time that exist
     */
    public static LocalDateTime parseDateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.contains("T")) {
                return LocalDateTime.parse(t);
            }
            Matcher typed = TYPED_DATE_TIME.matcher(t);
            if (!typed.matches()) {
                return null;
            }
            LocalDate date = LocalDate.parse(typed.group(1), TYPED_FINNISH);
            return date.atTime(LocalTime.parse(typed.group(2) + "." + typed.group(3), TYPED_TIME));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
