package fi.celia.celianet.bookclubs;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.bookclubs.internal.BookClub;
import fi.celia.celianet.bookclubs.internal.BookClubRepository;
import fi.celia.celianet.bookclubs.internal.ClubShipment;
import fi.celia.celianet.bookclubs.internal.Membership;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.shared.CountCache;
import fi.celia.celianet.shared.Counted;
import fi.celia.celianet.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clubs and their shipment calendars, for service staff. */
@Service
public class BookClubs {

    /** A calendar reaches at most this many months ahead in one go. */
    public static final int MAX_CALENDAR_MONTHS = BookClub.MAX_CALENDAR_MONTHS;

    private final BookClubRepository repository;
    private final Membership membership;
    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditLog audit;
    private final CountCache counts;

    BookClubs(
            BookClubRepository repository,
            Membership membership,
            EntityManager entityManager,
            Clock clock,
            AuditLog audit,
            CountCache counts) {
        this.repository = repository;
        this.membership = membership;
        this.entityManager = entityManager;
        this.clock = clock;
        this.audit = audit;
        this.counts = counts;
    }

    /**
     * The keys of the clubs' counts in the {@link CountCache}: active members of a club (of every club when
     * {@code clubId} is null), or the members of a club's open shipments on a day.
     */
    record CountKey(String what, UUID clubId, LocalDate day) {}

    /** Every club with its count of active members (counted at most a few minutes ago: {@link #membersCounted()}). */
    @Transactional(readOnly = true)
    public List<Club> all() {
        Map<UUID, Long> members = membersCounted().value();
        return repository.catalogue().stream()
                .map(c -> c.toClub(members.getOrDefault(c.id(), 0L)))
                .toList();
    }

    /** Every club's count of active members, and how old the count is. */
    @Transactional(readOnly = true)
    public Counted<Map<UUID, Long>> membersCounted() {
        return counts.get(new CountKey("members", null, null), membership::activeMembers);
    }

    /** The club's count of active members, and how old the count is. */
    @Transactional(readOnly = true)
    public Counted<Long> membersCounted(UUID clubId) {
        return counts.get(new CountKey("members", clubId, null), () -> membership.activeMembers(clubId));
    }

    /** How old the open shipments' member counts of the club are that its pages show today. */
    @Transactional(readOnly = true)
    public Counted<Map<UUID, Long>> shipmentsCounted(UUID clubId) {
        return openCounts(clubId, Set.of(), today());
    }

    /** Forgets the kept counts of every club: a subscription or a shipment changed in this instance. */
    void countsChanged() {
        counts.forget(key -> key instanceof CountKey);
    }

    /** The clubs without their member counts (0 in each): cheap enough for every patron page. */
    @Transactional(readOnly = true)
    public List<Club> catalogue() {
        return repository.catalogue().stream().map(c -> c.toClub(0)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Club> find(UUID clubId) {
        return repository
                .findById(clubId)
                .map(c -> c.toClub(membersCounted(clubId).value()));
    }

    @Transactional
    public Club create(ClubDetails details, String actor) {
        BookClub club = repository.save(BookClub.create(details, Instant.now(clock)));
        audit.success(actor, AuditEvent.BOOKCLUB_CREATED, "BOOK_CLUB", club.id(), details.nameFi());
        return club.toClub(0);
    }

    /** {@link #generateMonthlyCalendar(UUID, Long, LocalDate, int, int, String)} whatever the club's version. */
    @Transactional
    public List<Shipment> generateMonthlyCalendar(
            UUID clubId, LocalDate firstDelivery, int months, int leadTimeDays, String actor) {
        return generateMonthlyCalendar(clubId, null, firstDelivery, months, leadTimeDays, actor);
    }

    /**
     * Adds a monthly calendar: {@code months} deliveries, the first on {@code firstDelivery}, then on the same day
     * of each following month (the month's last day when it is shorter). Production of each starts
     * {@code leadTimeDays} before its delivery; the club's own lead time stays as it is. Dates the club already ships on
     * are left as they are, so generating the same calendar twice adds nothing.
     *
     * @param expectedVersion the club's version the form was drawn from, or null
     * @return the shipments added
     * @throws BookClubRefusal for a delivery date in the past, a lead time outside 1–120 days or a month count
     *                         outside 1–{@value BookClub#MAX_CALENDAR_MONTHS}
     * @throws org.springframework.dao.OptimisticLockingFailureException when the club changed since that version
     */
    @Transactional
    public List<Shipment> generateMonthlyCalendar(
            UUID clubId, Long expectedVersion, LocalDate firstDelivery, int months, int leadTimeDays, String actor) {
        BookClub club = repository.lock(clubId).orElseThrow(NotFoundException::new);
        club.requireVersion(expectedVersion);
        // A new calendar is a change of the club, whatever else changed: a form drawn from before it is stale.
        entityManager.lock(club, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        LocalDate today = today();
        List<ClubShipment> added = club.scheduleMonthly(firstDelivery, months, leadTimeDays, today, Instant.now(clock));
        repository.flush();
        countsChanged();
        audit.success(
                actor,
                AuditEvent.BOOKCLUB_CALENDAR,
                "BOOK_CLUB",
                clubId,
                "first=" + firstDelivery + " months=" + months + " lead=" + leadTimeDays + " added=" + added.size());
        return withCounts(added, today);
    }

    /** The club's shipments in delivery order. */
    @Transactional(readOnly = true)
    public List<Shipment> shipments(UUID clubId) {
        return withCounts(repository.shipments(clubId), today());
    }

    @Transactional(readOnly = true)
    public Optional<Shipment> findShipment(UUID clubId, UUID shipmentId) {
        return repository.shipment(clubId, shipmentId).map(s -> withCounts(List.of(s), today())
                .get(0));
    }

    /**
     * Changes one shipment: its titles at any time, its delivery date only while the shipment is open (its
     * production start moves with it, by the club's lead time).
     *
     * @param expectedVersion the shipment's version the form was drawn from, or null
     * @throws org.springframework.dao.OptimisticLockingFailureException when the shipment changed since that version
     */
    @Transactional
    public Shipment updateShipment(
            UUID clubId, UUID shipmentId, Long expectedVersion, LocalDate deliveryDate, String titles, String actor) {
        BookClub club = repository.withShipments(clubId).orElseThrow(NotFoundException::new);
        LocalDate today = today();
        ClubShipment shipment =
                club.changeShipment(shipmentId, expectedVersion, deliveryDate, titles, today, Instant.now(clock));
        repository.flush();
        countsChanged();
        audit.success(
                actor, AuditEvent.BOOKCLUB_SHIPMENT_UPDATED, "CLUB_SHIPMENT", shipmentId, "delivery=" + deliveryDate);
        return withCounts(List.of(shipment), today).get(0);
    }

    Club requireClub(UUID clubId) {
        return find(clubId).orElseThrow(NotFoundException::new);
    }

    /**
     * The shipments of one club as pages show them: the frozen list's size, or while open, how many it would go to
     * (counted for all the club's open shipments at once, at most a few minutes ago: {@link #shipmentsCounted}).
     */
    List<Shipment> withCounts(List<ClubShipment> shipments, LocalDate today) {
        if (shipments.isEmpty()) {
            return List.of();
        }
        Set<UUID> openIds = shipments.stream()
                .filter(s -> !s.frozen())
                .map(ClubShipment::id)
                .collect(Collectors.toSet());
        Map<UUID, Long> open = openIds.isEmpty()
                ? Map.of()
                : openCounts(shipments.get(0).clubId(), openIds, today).value();
        return shipments.stream()
                .map(s -> s.toShipment(open.getOrDefault(s.id(), 0L), today))
                .toList();
    }

    /** The members of each open shipment of the club, kept; counted again when a shipment asked for is not in it. */
    private Counted<Map<UUID, Long>> openCounts(UUID clubId, Set<UUID> openIds, LocalDate today) {
        CountKey key = new CountKey("shipments", clubId, today);
        Counted<Map<UUID, Long>> kept = counts.get(key, () -> membership.openCountsOfClub(clubId));
        if (!kept.value().keySet().containsAll(openIds)) {
            counts.forget(key::equals);
            kept = counts.get(key, () -> membership.openCountsOfClub(clubId));
        }
        return kept;
    }

    private LocalDate today() {
        return Helsinki.dateOf(Instant.now(clock));
    }
}
