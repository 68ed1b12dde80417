package fi.celia.celianet.bookclubs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.bookclubs.BookClubs;
import fi.celia.celianet.support.IntegrationTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo profile's clubs: three, each with a year of monthly shipments, seeded once however often it runs. */
class DemoClubsTest extends IntegrationTest {

    @Autowired
    BookClubs clubs;

    @Autowired
    Clock applicationClock;

    @Test
    void seedsThreeClubsWithAYearOfShipmentsOnce() {
        var demo = new DemoClubs(clubs, applicationClock);
        demo.run(null);
        demo.run(null);
        var seeded = clubs.all().stream()
                .filter(c -> c.nameFi().equals("Dekkarikerho")
                        || c.nameFi().equals("Klassikkokerho")
                        || c.nameFi().equals("Tietokirjakerho"))
                .toList();
        assertThat(seeded).hasSize(3);
        assertThat(seeded).allSatisfy(c -> {
            assertThat(c.nameSv()).isNotBlank();
            assertThat(c.nameEn()).isNotBlank();
            assertThat(clubs.shipments(c.id())).hasSize(12);
        });
    }
}
