package fi.celia.celianet.bookclubs;

import fi.celia.celianet.audit.AccessPurpose;
import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.bookclubs.internal.Subscription;
import fi.celia.celianet.bookclubs.internal.SubscriptionRepository;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.patrons.PatronDirectory;
import fi.celia.celianet.patrons.PatronSummary;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.StaffPrincipal;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining, pausing, resuming and leaving a club. Every change takes effect from the first shipment whose production
 * has not started, so a frozen member list never changes.
 */
@Service
public class Subscriptions {

    public static final int MAX_BOOKS_PER_MONTH = 5;
    public static final String JOINED_MAIL = "bookclub-joined";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("M/yyyy");

    private final SubscriptionRepository repository;
    private final BookClubs clubs;
    private final FirstDeliveries deliveries;
    private final SubscriptionViews views;
    private final PatronDirectory directory;
    private final Mailbox mailbox;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final EntityManager entityManager;
    private final Clock clock;

    Subscriptions(
            SubscriptionRepository repository,
            BookClubs clubs,
            FirstDeliveries deliveries,
            SubscriptionViews views,
            PatronDirectory directory,
            Mailbox mailbox,
            AuditLog audit,
            JdbcClient jdbc,
            EntityManager entityManager,
            Clock clock) {
        this.repository = repository;
        this.clubs = clubs;
        this.deliveries = deliveries;
        this.views = views;
        this.directory = directory;
        this.mailbox = mailbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The patron, when the user may act for the patron's organisation; anyone else, and an unknown patron, get "not found". */
    @Transactional(readOnly = true)
    public PatronSummary visibleSubscriber(UUID patronId, StaffPrincipal user) {
        return directory
                .find(patronId)
                .filter(s -> user.mayActFor(s.organisationId()))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * Subscribes the patron to the club from its first shipment whose production has not started, and mails
     * the patron that shipment's delivery date. The same request twice makes one subscription.
     *
     * @throws BookClubRefusal when the patron is closed, lacks the CD_CLUBS service or a postal address, the club
     *                         has no open shipment or the patron's clubs would deliver more than five books a month
     */
    @Transactional
    public SubscriptionChange subscribe(UUID patronId, UUID clubId, StaffPrincipal user) {
        PatronSummary patron = visibleSubscriber(patronId, user);
        Club club = clubs.requireClub(clubId);
        if (!patron.active()) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.closed");
        }
        if (!patron.cdClubsService()) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.noService");
        }
        if (!patron.hasPostalAddress()) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.noAddress");
        }
        // A transaction-scoped advisory lock per patron has no JPA form; it makes one patron's joins one at a time.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "bookclubs:" + patronId)
                .query((rs, n) -> 1)
                .list();
        Optional<Subscription> existing =
                repository.findByPatronIdAndClubIdAndState(patronId, clubId, Subscription.State.ACTIVE);
        if (existing.isPresent()) {
            return unchangedJoin(existing.get(), club);
        }
        Shipment first = deliveries
                .firstOpenShipment(clubId)
                .orElseThrow(() -> new BookClubRefusal("clubId", "bookclubs.subscription.error.noShipment"));
        checkBooksPerMonth(patronId, clubId, first.deliveryDate());
        Subscription subscription = repository.saveAndFlush(
                Subscription.start(patronId, clubId, first.deliveryDate(), user.username(), Instant.now(clock)));
        UUID id = subscription.id();
        audit.success(
                user.username(),
                AuditEvent.BOOKCLUB_SUBSCRIBED,
                "PATRON",
                patronId,
                "club=" + clubId + " first=" + first.deliveryDate(),
                AccessPurpose.CLUB_WORK);
        clubs.countsChanged();
        if (patron.hasEmail()) {
            String language = patron.language() == null ? "fi" : patron.language();
            mailbox.enqueue(OutgoingMail.of(
                            id.toString(),
                            patron.email(),
                            Locale.forLanguageTag(language),
                            JOINED_MAIL,
                            Map.of(
                                    "name",
                                    patron.name(),
                                    "club",
                                    club.name(language),
                                    "delivery",
                                    DATE.format(first.deliveryDate()),
                                    "titles",
                                    first.titles() == null ? "" : first.titles()))
                    .about("PATRON", patronId));
        }
        return new SubscriptionChange(SubscriptionChange.Kind.JOINED, id, club, first, first.deliveryDate(), false);
    }

    /** {@link #pause(UUID, UUID, Long, LocalDate, StaffPrincipal)} whatever the subscription's version. */
    @Transactional
    public SubscriptionChange pause(UUID patronId, UUID subscriptionId, LocalDate from, StaffPrincipal user) {
        return pause(patronId, subscriptionId, null, from, user);
    }

    /**
     * Pauses deliveries from the first shipment not yet in production that is delivered on or after {@code from}.
     *
     * @param expectedVersion the subscription's version the patron page was drawn from, or null
     */
    @Transactional
    public SubscriptionChange pause(
            UUID patronId, UUID subscriptionId, Long expectedVersion, LocalDate from, StaffPrincipal user) {
        Subscription sub = changeable(patronId, subscriptionId, expectedVersion, user);
        if (from == null) {
            throw new BookClubRefusal("from", "bookclubs.subscription.error.pauseDate");
        }
        if (sub.openPause().isPresent()) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.alreadyPaused");
        }
        FirstDeliveries.Effect effect = deliveries.effectFrom(sub.clubId(), from);
        LocalDate pausedFrom = sub.pause(effect.date(), Instant.now(clock));
        audit.success(
                user.username(),
                AuditEvent.BOOKCLUB_PAUSED,
                "PATRON",
                patronId,
                "subscription=" + subscriptionId + " from=" + pausedFrom,
                AccessPurpose.CLUB_WORK);
        clubs.countsChanged();
        return new SubscriptionChange(
                SubscriptionChange.Kind.PAUSED,
                subscriptionId,
                clubs.requireClub(sub.clubId()),
                effect.shipment(),
                pausedFrom,
                false);
    }

    /** Ends the current pause from the first shipment whose production has not started. */
    @Transactional
    public SubscriptionChange resume(UUID patronId, UUID subscriptionId, StaffPrincipal user) {
        return resume(patronId, subscriptionId, null, user);
    }

    @Transactional
    public SubscriptionChange resume(UUID patronId, UUID subscriptionId, Long expectedVersion, StaffPrincipal user) {
        Subscription sub = changeable(patronId, subscriptionId, expectedVersion, user);
        if (sub.openPause().isEmpty()) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.notPaused");
        }
        FirstDeliveries.Effect effect = deliveries.effectFrom(sub.clubId(), today());
        sub.resume(effect.date(), Instant.now(clock));
        audit.success(
                user.username(),
                AuditEvent.BOOKCLUB_RESUMED,
                "PATRON",
                patronId,
                "subscription=" + subscriptionId + " from=" + effect.date(),
                AccessPurpose.CLUB_WORK);
        clubs.countsChanged();
        return new SubscriptionChange(
                SubscriptionChange.Kind.RESUMED,
                subscriptionId,
                clubs.requireClub(sub.clubId()),
                effect.shipment(),
                effect.date(),
                false);
    }

    /** Ends the subscription: the shipments already in production still go out, the first open one does not. */
    @Transactional
    public SubscriptionChange end(UUID patronId, UUID subscriptionId, StaffPrincipal user) {
        return end(patronId, subscriptionId, null, user);
    }

    @Transactional
    public SubscriptionChange end(UUID patronId, UUID subscriptionId, Long expectedVersion, StaffPrincipal user) {
        Subscription sub = changeable(patronId, subscriptionId, expectedVersion, user);
        FirstDeliveries.Effect effect = deliveries.effectFrom(sub.clubId(), today());
        LocalDate endsOn = sub.end(effect.date(), Instant.now(clock));
        audit.success(
                user.username(),
                AuditEvent.BOOKCLUB_ENDED,
                "PATRON",
                patronId,
                "subscription=" + subscriptionId + " from=" + endsOn,
                AccessPurpose.CLUB_WORK);
        clubs.countsChanged();
        return new SubscriptionChange(
                SubscriptionChange.Kind.ENDED,
                subscriptionId,
                clubs.requireClub(sub.clubId()),
                effect.shipment(),
                endsOn,
                false);
    }

    /** The patron's subscription, locked, when the user may act for the patron and it can still change. */
    private Subscription changeable(UUID patronId, UUID subscriptionId, Long expectedVersion, StaffPrincipal user) {
        visibleSubscriber(patronId, user);
        Subscription sub = repository.lockOfPatron(subscriptionId, patronId).orElseThrow(NotFoundException::new);
        sub.requireChangeable(expectedVersion);
        // Each change is a new version, also one that touches only the pauses: a page drawn from before it is stale.
        entityManager.lock(sub, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return sub;
    }

    private SubscriptionChange unchangedJoin(Subscription subscription, Club club) {
        Optional<Shipment> next =
                views.nextDelivery(subscription.id()).flatMap(n -> clubs.findShipment(club.id(), n.id()));
        return new SubscriptionChange(
                SubscriptionChange.Kind.JOINED,
                subscription.id(),
                club,
                next.orElse(null),
                next.map(Shipment::deliveryDate).orElse(subscription.startsOn()),
                true);
    }

    private void checkBooksPerMonth(UUID patronId, UUID clubId, LocalDate startsOn) {
        // A monthly sum across the patron's clubs' calendars: an aggregate report in SQL, not entities.
        var over = jdbc.sql(
                        """
                WITH plan AS (
                    SELECT sh.delivery_date, c.books_per_shipment FROM club_shipment sh JOIN book_club c ON c.id = sh.club_id
                    WHERE sh.club_id = :club AND sh.delivery_date >= :starts
                    UNION ALL
                    SELECT sh.delivery_date, c.books_per_shipment FROM club_subscription s
                    JOIN club_shipment sh ON sh.club_id = s.club_id JOIN book_club c ON c.id = s.club_id
                    WHERE s.patron_id = :patron AND s.club_id <> :club
                      AND sh.delivery_date >= date_trunc('month', CAST(:starts AS date))
                      AND s.starts_on <= sh.delivery_date AND (s.ends_on IS NULL OR sh.delivery_date < s.ends_on))
                SELECT date_trunc('month', delivery_date)::date AS month, sum(books_per_shipment)::int AS total
                FROM plan GROUP BY 1 HAVING sum(books_per_shipment) > :max ORDER BY 1 LIMIT 1""")
                .param("club", clubId)
                .param("patron", patronId)
                .param("starts", Date.valueOf(startsOn))
                .param("max", MAX_BOOKS_PER_MONTH)
                .query((rs, n) ->
                        new Object[] {MONTH.format(rs.getObject("month", LocalDate.class)), rs.getInt("total")})
                .optional();
        over.ifPresent(o -> {
            throw new BookClubRefusal(
                    "clubId", "bookclubs.subscription.error.tooManyBooks", o[0], o[1], MAX_BOOKS_PER_MONTH);
        });
    }

    private LocalDate today() {
        return Helsinki.dateOf(Instant.now(clock));
    }
}
