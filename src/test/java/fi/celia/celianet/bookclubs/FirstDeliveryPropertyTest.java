package fi.celia.celianet.bookclubs;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.patrons.PatronSummary;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every day of a year, at a (seeded) random time of day, with a monthly calendar (on the 31st, so the gaps
 * vary from 28 to 31 days) and a lead time of 35 days: a new member's first delivery is the first shipment whose
 * production has not started, and it lies between 35 and 35 + the longest gap between shipments days away.
 */
class FirstDeliveryPropertyTest extends BookClubTest {

    private static final int LEAD = 35;
    private static final LocalDate YEAR = LocalDate.of(2034, 1, 1);
    private static Club club;
    private static List<Shipment> calendar;
    private static long longestGap;

    static Stream<Arguments> everyDayOfTheYear() {
        Random random = new Random(20340101L);
        return IntStream.range(0, YEAR.lengthOfYear())
                .mapToObj(i -> Arguments.of(YEAR.plusDays(i), LocalTime.ofSecondOfDay(random.nextInt(24 * 3600))));
    }

    private void calendar() {
        if (club == null) {
            at(YEAR.minusMonths(1));
            club = monthlyClub(LocalDate.of(2034, 1, 31), 15, LEAD, 1);
            calendar = clubs.shipments(club.id());
            longestGap = IntStream.range(1, calendar.size())
                    .mapToLong(i -> ChronoUnit.DAYS.between(
                            calendar.get(i - 1).deliveryDate(), calendar.get(i).deliveryDate()))
                    .max()
                    .orElseThrow();
            assertThat(longestGap).isEqualTo(31);
        }
    }

    @ParameterizedTest(name = "joining on {0} at {1}")
    @MethodSource("everyDayOfTheYear")
    void theFirstDeliveryIsTheFirstShipmentNotYetInProduction(LocalDate day, LocalTime time) {
        calendar();
        at(day, time);
        PatronSummary patron = patron("Jäsen " + day, null);

        var joined = subscriptions.subscribe(patron.patronId(), club.id(), SERVICE);

        Shipment expected = calendar.stream()
                .filter(s -> s.productionStartsOn().isAfter(day))
                .findFirst()
                .orElseThrow();
        assertThat(joined.shipment().id()).isEqualTo(expected.id());
        long daysAway = ChronoUnit.DAYS.between(day, joined.shipment().deliveryDate());
        assertThat(daysAway).isBetween((long) LEAD, LEAD + longestGap);
        assertThat(views.forPatron(patron.patronId()).get(0).nextDelivery().id())
                .isEqualTo(expected.id());
    }
}
