package fi.celia.celianet.bookclubs;

import fi.celia.celianet.bookclubs.internal.BookClubRepository;
import fi.celia.celianet.calendar.Helsinki;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From which shipment a change takes effect: the first one whose production has not started. A new member's first
 * delivery is that shipment, so the first books arrive about one to two months after joining.
 */
@Service
public class FirstDeliveries {

    private final BookClubRepository repository;
    private final BookClubs clubs;
    private final Clock clock;

    FirstDeliveries(BookClubRepository repository, BookClubs clubs, Clock clock) {
        this.repository = repository;
        this.clubs = clubs;
        this.clock = clock;
    }

    /** The first shipment of the club whose production has not started by now: the one a new member joins. */
    @Transactional(readOnly = true)
    public Optional<Shipment> firstOpenShipment(UUID clubId) {
        return firstOpenShipment(clubId, today());
    }

    /** The first shipment whose production has not started by now and that is delivered on or after {@code from}. */
    @Transactional(readOnly = true)
    public Optional<Shipment> firstOpenShipment(UUID clubId, LocalDate from) {
        LocalDate today = today();
        return repository.firstOpen(clubId, today, from).map(s -> clubs.withCounts(List.of(s), today)
                .get(0));
    }

    /**
     * The first open shipment delivered on or after {@code from}, or, when none is scheduled, a date after every
     * shipment of the club (and after today), from which the change applies to whatever is scheduled later.
     */
    @Transactional(readOnly = true)
    public Effect effectFrom(UUID clubId, LocalDate from) {
        Optional<Shipment> shipment = firstOpenShipment(clubId, from);
        if (shipment.isPresent()) {
            return new Effect(shipment.get(), shipment.get().deliveryDate());
        }
        LocalDate today = today();
        LocalDate date = from.isAfter(today) ? from : today.plusDays(1);
        Optional<LocalDate> last = repository.lastDelivery(clubId);
        if (last.isPresent() && !last.get().isBefore(date)) {
            date = last.get().plusDays(1);
        }
        return new Effect(null, date);
    }

    private LocalDate today() {
        return Helsinki.dateOf(Instant.now(clock));
    }

    /** @param shipment the first shipment a change applies to, or null when none is scheduled yet */
    public record Effect(Shipment shipment, LocalDate date) {}
}
