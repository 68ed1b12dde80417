package fi.celia.celianet.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Working days checked against the hand-made list of Finnish days off for 2026–2028. */
class WorkingDaysTest {

    private static final String FIXTURE = "/fixtures/finnish-days-off-2026-2028.csv";
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2028, 12, 31);

    private static Set<LocalDate> listedDaysOff;

    private final WorkingDays workingDays = new WorkingDays();

    @BeforeAll
    static void readFixture() throws IOException {
        Set<LocalDate> dates = new HashSet<>();
        try (InputStream in = WorkingDaysTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertThat(header).isEqualTo("date,weekday,name");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", 3);
                LocalDate date = LocalDate.parse(fields[0]);
                // guards against a typo in the hand-made list
                assertThat(date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .as(line)
                        .isEqualTo(fields[1]);
                assertThat(dates.add(date)).as("listed twice: " + line).isTrue();
            }
        }
        listedDaysOff = Set.copyOf(dates);
    }

    @Test
    void theListCoversThreeYears() {
        assertThat(listedDaysOff).hasSize(45);
        assertThat(listedDaysOff).allSatisfy(date -> assertThat(date).isBetween(FIRST, LAST));
    }

    @Test
    void workingDaysAreWeekdaysNotOnTheList() {
        List<LocalDate> mismatches = new ArrayList<>();
        int working = 0;
        for (LocalDate date = FIRST; !date.isAfter(LAST); date = date.plusDays(1)) {
            boolean weekday = date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
            boolean expected = weekday && !listedDaysOff.contains(date);
            if (workingDays.isWorkingDay(date) != expected) {
                mismatches.add(date);
            }
            if (expected) {
                working++;
            }
        }
        assertThat(mismatches).isEmpty();
        // 1,096 days: 782 weekdays, of which 26 are on the list
        assertThat(working).isEqualTo(756);
    }

    @Test
    void everyListedDayIsADayOff() {
        for (int year = 2026; year <= 2028; year++) {
            int y = year;
            assertThat(workingDays.daysOff(year))
                    .containsAll(listedDaysOff.stream()
                            .filter(date -> date.getYear() == y)
                            .toList());
        }
    }

    @Test
    void yearsWhenAscensionDayFallsOnMayDay() {
        // Easter on 23 March: Ascension Day is 1 May
        assertThatCode(() -> workingDays.isWorkingDay(LocalDate.of(2008, 1, 2))).doesNotThrowAnyException();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2008, 5, 1))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2008, 5, 2))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2008, 3, 21))).isFalse(); // Good Friday
        assertThat(workingDays.isWorkingDay(LocalDate.of(2008, 3, 24))).isFalse(); // Easter Monday
        for (int year = 1900; year <= 2300; year++) {
            int y = year;
            assertThatCode(() -> workingDays.daysOff(y)).as("year %d", y).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{2}: {0} + {1}")
    @CsvSource({
        // weekend: Friday to Monday
        "2026-01-09, 1, 2026-01-12, weekend",
        "2026-01-10, 1, 2026-01-12, from a Saturday",
        "2026-01-09, 5, 2026-01-16, a week",
        // Easter 2026: Good Friday 3 April, Easter Monday 6 April
        "2026-04-02, 1, 2026-04-07, Easter 2026",
        "2026-04-02, 2, 2026-04-08, Easter 2026",
        // Easter 2027: Good Friday 26 March, Easter Monday 29 March
        "2027-03-25, 1, 2027-03-30, Easter 2027",
        // Midsummer 2026: Eve Friday 19 June
        "2026-06-18, 1, 2026-06-22, Midsummer 2026",
        "2028-06-22, 1, 2028-06-26, Midsummer 2028",
        // Christmas 2026: Thursday 24 to Saturday 26 December
        "2026-12-23, 1, 2026-12-28, Christmas 2026",
        // Christmas 2028: Sunday 24 to Tuesday 26 December
        "2028-12-22, 1, 2028-12-27, Christmas 2028",
        // Christmas and New Year 2027-2028: 24 December a Friday, 1 January a Saturday
        "2027-12-23, 1, 2027-12-27, Christmas 2027",
        "2027-12-23, 5, 2027-12-31, Christmas 2027",
        "2027-12-23, 6, 2028-01-03, New Year 2028",
        "2027-12-23, 8, 2028-01-05, New Year 2028",
        "2027-12-23, 9, 2028-01-07, Epiphany 2028",
        // Independence Day: Monday 6 December 2027, Wednesday 6 December 2028, Sunday 2026
        "2027-12-03, 1, 2027-12-07, Independence Day 2027",
        "2028-12-05, 1, 2028-12-07, Independence Day 2028",
        "2026-12-04, 1, 2026-12-07, Independence Day 2026 on a Sunday",
        // May Day and Ascension Day 2026
        "2026-04-30, 1, 2026-05-04, May Day 2026",
        "2026-05-13, 1, 2026-05-15, Ascension Day 2026",
        // nothing to add
        "2026-04-03, 0, 2026-04-03, zero days from a holiday",
    })
    void plus(LocalDate from, int days, LocalDate expected, String what) {
        assertThat(workingDays.plus(from, days)).as(what).isEqualTo(expected);
        if (days > 0) {
            assertThat(workingDays.isWorkingDay(expected)).isTrue();
        }
    }

    @ParameterizedTest(name = "{3}: {0} to {1}")
    @CsvSource({
        "2026-01-09, 2026-01-12, 1, weekend",
        "2026-01-09, 2026-01-11, 0, only the weekend",
        "2026-01-05, 2026-01-12, 4, week with Epiphany",
        "2026-04-02, 2026-04-07, 1, Easter 2026",
        "2026-03-27, 2026-04-10, 8, two weeks over Easter 2026",
        "2026-06-18, 2026-06-22, 1, Midsummer 2026",
        "2026-12-23, 2026-12-28, 1, Christmas 2026",
        "2027-12-23, 2028-01-03, 6, Christmas and New Year",
        "2027-12-03, 2027-12-07, 1, Independence Day 2027",
        "2028-12-01, 2028-12-08, 4, week with Independence Day 2028",
        "2025-12-31, 2026-12-31, 252, all of 2026",
        "2026-12-31, 2027-12-31, 253, all of 2027",
        "2027-12-31, 2028-12-31, 251, all of 2028",
        "2026-04-07, 2026-04-07, 0, same day",
        "2026-04-07, 2026-04-01, 0, backwards",
    })
    void between(LocalDate from, LocalDate to, int expected, String what) {
        assertThat(workingDays.between(from, to)).as(what).isEqualTo(expected);
    }

    static Stream<Arguments> randomStarts() {
        Random random = new Random(20261128L);
        return IntStream.range(0, 500)
                .mapToObj(i -> Arguments.of(FIRST.plusDays(random.nextInt(1000)), random.nextInt(40)));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1}")
    @MethodSource("randomStarts")
    void betweenUndoesPlus(LocalDate from, int days) {
        LocalDate to = workingDays.plus(from, days);

        assertThat(workingDays.between(from, to)).isEqualTo(days);
        if (days > 0) {
            assertThat(workingDays.isWorkingDay(to)).isTrue();
            assertThat(workingDays.between(from, to.minusDays(1))).isEqualTo(days - 1);
        }
    }
}
