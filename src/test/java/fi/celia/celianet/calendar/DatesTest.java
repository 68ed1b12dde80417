package fi.celia.celianet.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    private final Dates dates = new Dates();

    @ParameterizedTest
    @CsvSource({
        "15.5.2026, 2026-05-15",
        "01.01.2027, 2027-01-01",
        "2026-05-15, 2026-05-15",
        " 29.2.2024 , 2024-02-29",
        "2024-2-29, 2024-02-29"
    })
    void aDateThatExistsIsReadAsTyped(String typed, LocalDate expected) {
        assertThat(Dates.parse(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "31.2.2010",
                "29.2.2023",
                "30.2.2024",
                "31.4.2026",
                "2010-02-31",
                "0.1.2026",
                "1.13.2026",
                "15.5.26",
                "15/5/2026",
                "tomorrow"
            })
    void aDateThatDoesNotExistIsRefusedNeverMovedToAnother(String typed) {
        assertThat(Dates.parse(typed)).isNull();
    }

    @Test
    void instantsAreShownInHelsinkiTimeWithOnePatternForDatesAndOneForDateTimes() {
        // 21:30 UTC on 30 June is 00:30 on 1 July in Helsinki (summer time, +3)
        Instant summer = Instant.parse("2026-06-30T21:30:00Z");
        assertThat(dates.date(summer)).isEqualTo("1.7.2026");
        assertThat(dates.dateTime(summer)).isEqualTo("1.7.2026 00:30");
        // winter time, +2
        assertThat(dates.dateTime(Instant.parse("2026-12-31T22:05:00Z"))).isEqualTo("1.1.2027 00:05");
        assertThat(dates.date(LocalDate.of(2026, 5, 4))).isEqualTo("4.5.2026");
        assertThat(dates.date(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11.5.2026 klo 8.00",
                "11.5.2026 kl. 8.00",
                "11.5.2026 kl 08:00",
                "11.5.2026 at 8.00",
                "11.05.2026, 08:00",
                "11.5.2026 8.00",
                " 11.5.2026  KLO  8.00 ",
                "2026-05-11T08:00"
            })
    void aDateAndTimeIsReadAsPeopleWriteItOrAsTheDateTimeFieldSendsIt(String typed) {
        assertThat(Dates.parseDateTime(typed)).isEqualTo(LocalDateTime.of(2026, 5, 11, 8, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.2.2026 klo 8.00", "11.5.2026 klo 24.00", "11.5.2026 klo 8.60", "11.5.2026", "8.00"})
    void aDateAndTimeThatDoesNotExistIsRefused(String typed) {
        assertThat(Dates.parseDateTime(typed)).isNull();
    }
}
