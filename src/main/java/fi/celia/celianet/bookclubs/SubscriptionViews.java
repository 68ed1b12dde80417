package fi.celia.celianet.bookclubs;

import fi.celia.celianet.bookclubs.internal.Membership;
import fi.celia.celianet.bookclubs.internal.Subscription;
import fi.celia.celianet.bookclubs.internal.SubscriptionPause;
import fi.celia.celianet.bookclubs.internal.SubscriptionRepository;
import fi.celia.celianet.calendar.Helsinki;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patron's subscriptions as the patron page shows them. The page is asked for often, so it costs a fixed number
 * of queries whatever the number of subscriptions: the clubs, the subscriptions with their pauses, and every next
 * delivery at once.
 */
@Service
public class SubscriptionViews {

    private final SubscriptionRepository repository;
    private final BookClubs clubs;
    private final Membership membership;
    private final Clock clock;

    SubscriptionViews(SubscriptionRepository repository, BookClubs clubs, Membership membership, Clock clock) {
        this.repository = repository;
        this.clubs = clubs;
        this.membership = membership;
        this.clock = clock;
    }

    /** The patron's subscriptions, current ones first, each with its next delivery. */
    @Transactional(readOnly = true)
    public List<SubscriptionView> forPatron(UUID patronId) {
        return forPatron(patronId, clubs.catalogue());
    }

    /** Everything the patron page's book-club section shows. */
    @Transactional(readOnly = true)
    public PatronSubscriptions patronPage(UUID patronId) {
        List<Club> catalogue = clubs.catalogue();
        List<SubscriptionView> subscriptions = forPatron(patronId, catalogue);
        Set<UUID> joined = subscriptions.stream()
                .filter(v -> v.state() != SubscriptionView.State.ENDED)
                .map(v -> v.club().id())
                .collect(Collectors.toSet());
        return new PatronSubscriptions(
                patronId,
                subscriptions,
                catalogue.stream().filter(c -> !joined.contains(c.id())).toList());
    }

    /** The next shipment the subscription receives, if one is scheduled. */
    @Transactional(readOnly = true)
    public Optional<NextDelivery> nextDelivery(UUID subscriptionId) {
        return Optional.ofNullable(
                membership.nextDeliveries(List.of(subscriptionId), today()).get(subscriptionId));
    }

    private List<SubscriptionView> forPatron(UUID patronId, List<Club> catalogue) {
        Map<UUID, Club> byId = catalogue.stream().collect(Collectors.toMap(Club::id, Function.identity()));
        LocalDate today = today();
        List<Subscription> current = repository.current(patronId, Subscription.State.ACTIVE, today);
        Map<UUID, NextDelivery> next =
                membership.nextDeliveries(current.stream().map(Subscription::id).toList(), today);
        List<SubscriptionView> views = new ArrayList<>();
        for (Subscription s : current) {
            Club club = byId.containsKey(s.clubId()) ? byId.get(s.clubId()) : clubs.requireClub(s.clubId());
            Optional<SubscriptionPause> pause = s.currentPause(today);
            SubscriptionView.State state = s.state() == Subscription.State.ENDED
                    ? SubscriptionView.State.ENDED
                    : pause.isPresent() ? SubscriptionView.State.PAUSED : SubscriptionView.State.ACTIVE;
            views.add(new SubscriptionView(
                    s.id(),
                    club,
                    state,
                    s.startsOn(),
                    s.endsOn(),
                    pause.map(SubscriptionPause::pausedFrom).orElse(null),
                    pause.map(SubscriptionPause::resumedFrom).orElse(null),
                    next.get(s.id()),
                    s.version()));
        }
        views.sort(Comparator.comparing((SubscriptionView v) -> v.state() == SubscriptionView.State.ENDED)
                .thenComparing(v -> v.club().nameFi().toLowerCase(Locale.ROOT)));
        return views;
    }

    private LocalDate today() {
        return Helsinki.dateOf(Instant.now(clock));
    }
}
