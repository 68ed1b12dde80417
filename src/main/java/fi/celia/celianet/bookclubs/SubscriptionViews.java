package fi.celia.celianet.bookclubs;

import fi.celia.celianet.bookclubs.internal.BookClubRepository;
import fi.celia.celianet.bookclubs.internal.ClubFirstDelivery;
import fi.celia.celianet.bookclubs.internal.Membership;
import fi.celia.celianet.bookclubs.internal.Subscription;
import fi.celia.celianet.bookclubs.internal.SubscriptionPause;
import fi.celia.celianet.bookclubs.internal.SubscriptionRepository;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.PatronDirectory;
import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.shared.NotFoundException;
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
 * of queries whatever the number of subscriptions: the patron, the clubs, the subscriptions with their pauses, every
 * next delivery at once, and every club's first delivery for a patron joining today.
 */
@Service
public class SubscriptionViews {

    private final SubscriptionRepository repository;
    private final BookClubs clubs;
    private final Membership membership;
    private final BookClubRepository clubRepository;
    private final PatronDirectory directory;
    private final Clock clock;

    SubscriptionViews(
            SubscriptionRepository repository,
            BookClubs clubs,
            Membership membership,
            BookClubRepository clubRepository,
            PatronDirectory directory,
            Clock clock) {
        this.repository = repository;
        this.clubs = clubs;
        this.membership = membership;
        this.clubRepository = clubRepository;
        this.directory = directory;
        this.clock = clock;
    }

    /** The patron's subscriptions, current ones first, each with its next delivery. */
    @Transactional(readOnly = true)
    public List<SubscriptionView> forPatron(UUID patronId) {
        return forPatron(patronId, clubs.catalogue());
    }

    /**
     * Everything the patron page's book-club section shows: the subscriptions, each club still to join with the
     * first delivery a patron joining today would receive (what {@link Subscriptions#subscribe} would choose, so a
     * librarian can say it before the patron agrees), and what keeps the patron from joining.
     */
    @Transactional(readOnly = true)
    public PatronSubscriptions patronPage(UUID patronId) {
        PatronSummary patron = directory.find(patronId).orElseThrow(NotFoundException::new);
        List<Club> catalogue = clubs.catalogue();
        List<SubscriptionView> subscriptions = forPatron(patronId, catalogue);
        Set<UUID> joined = subscriptions.stream()
                .filter(v -> v.state() != SubscriptionView.State.ENDED)
                .map(v -> v.club().id())
                .collect(Collectors.toSet());
        Map<UUID, LocalDate> firstDeliveries = clubRepository.firstOpenDeliveries(today()).stream()
                .collect(Collectors.toMap(ClubFirstDelivery::clubId, ClubFirstDelivery::deliveryDate));
        return new PatronSubscriptions(
                patronId,
                subscriptions,
                catalogue.stream()
                        .filter(c -> !joined.contains(c.id()))
                        .map(c -> new PatronSubscriptions.JoinableClub(c, firstDeliveries.get(c.id())))
                        .toList(),
                missing(patron));
    }

    /** What the patron lacks to join a club, as message keys: the same checks {@link Subscriptions#subscribe} makes. */
    static List<String> missing(PatronSummary patron) {
        List<String> missing = new ArrayList<>();
        if (!patron.active()) {
            missing.add("bookclubs.patron.missing.closed");
        }
        if (!patron.cdClubsService()) {
            missing.add("bookclubs.patron.missing.noService");
        }
        if (!patron.hasPostalAddress()) {
            missing.add("bookclubs.patron.missing.noAddress");
        }
        return List.copyOf(missing);
    }

    /**
     * Every club membership the patron has or had, the oldest first, each with the shipments the patron was on the
     * frozen member list of: what the patron's data report tells. Three queries whatever the number of memberships.
     */
    @Transactional(readOnly = true)
    public List<ClubMembership> history(UUID patronId) {
        Map<UUID, Club> byId = clubs.catalogue().stream().collect(Collectors.toMap(Club::id, Function.identity()));
        Map<UUID, List<LocalDate>> deliveries = membership.frozenDeliveries(patronId);
        return repository.findByPatronIdOrderByCreatedAtAscIdAsc(patronId).stream()
                .map(s -> new ClubMembership(
                        byId.containsKey(s.clubId()) ? byId.get(s.clubId()) : clubs.requireClub(s.clubId()),
                        Helsinki.dateOf(s.createdAt()),
                        s.state() == Subscription.State.ENDED ? Helsinki.dateOf(s.updatedAt()) : null,
                        deliveries.getOrDefault(s.id(), List.of())))
                .toList();
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
