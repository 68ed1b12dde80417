package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.BookClubs;
import fi.celia.celianet.bookclubs.ClubDetails;
import fi.celia.celianet.bookclubs.ClubFormat;
import fi.celia.celianet.calendar.Helsinki;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo profile's three book clubs, each with a year of monthly shipments; seeded once. */
@Component
@Profile("demo")
@Order(20)
class DemoClubs implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClubs.class);

    private final BookClubs clubs;
    private final Clock clock;

    DemoClubs(BookClubs clubs, Clock clock) {
        this.clubs = clubs;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate nextMonth = Helsinki.dateOf(Instant.now(clock)).plusMonths(1);
        seed(
                new ClubDetails(
                        "Dekkarikerho",
                        "Deckarklubben",
                        "Crime club",
                        "Uusimmat kotimaiset ja käännetyt dekkarit.",
                        "De nyaste inhemska och översatta deckarna.",
                        "The newest Finnish and translated crime novels.",
                        ClubFormat.DAISY_CD,
                        35,
                        2),
                nextMonth.withDayOfMonth(15));
        seed(
                new ClubDetails(
                        "Klassikkokerho",
                        "Klassikerklubben",
                        "Classics club",
                        "Kirjallisuuden klassikot luettuina.",
                        "Litteraturens klassiker upplästa.",
                        "Classics of literature, read aloud.",
                        ClubFormat.CD,
                        35,
                        1),
                nextMonth.withDayOfMonth(1));
        seed(
                new ClubDetails(
                        "Tietokirjakerho",
                        "Facklitteraturklubben",
                        "Non-fiction club",
                        "Historiaa, luontoa ja elämäkertoja.",
                        "Historia, natur och biografier.",
                        "History, nature and biographies.",
                        ClubFormat.DAISY_CD,
                        42,
                        1),
                nextMonth.withDayOfMonth(20));
    }

    private void seed(ClubDetails details, LocalDate firstDelivery) {
        if (clubs.all().stream().anyMatch(c -> c.nameFi().equals(details.nameFi()))) {
            return;
        }
        var club = clubs.create(details, "demo");
        clubs.generateMonthlyCalendar(club.id(), firstDelivery, 12, details.leadTimeDays(), "demo");
        log.info("Demo book club seeded with a year of shipments");
    }
}
