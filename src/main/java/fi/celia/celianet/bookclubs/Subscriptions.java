package fi.celia.celianet.bookclubs;

import fi.celia.celianet.patrons.PatronDirectory;
import fi.celia.celianet.patrons.PatronSummary;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.bookclubs.internal.Membership;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.StaffPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrons' subscriptions. Every change takes effect from the first shipment whose production has not started,
 * so a frozen member list never changes.
 */
@Service
public class Subscriptions {

    public static final int MAX_BOOKS_PER_MONTH = 5;
    public static final String JOINED_MAIL = "bookclub-joined";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("M/yyyy");

    private final JdbcClient jdbc;
    private final BookClubs clubs;
    private final ObjectProvider<PatronDirectory> directory;
    private final Mailbox mailbox;
    private final AuditLog audit;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, BookClubs clubs, ObjectProvider<PatronDirectory> directory, Mailbox mailbox,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.clubs = clubs;
        this.directory = directory;
        this.mailbox = mailbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The patron, when the user may act for them: service staff for everyone, registrars and main users for their
     * own organisation's patrons. Anyone else, and an unknown patron, gets "not found".
     */
    @Transactional(readOnly = true)
    public PatronSummary visibleSubscriber(UUID patronId, StaffPrincipal user) {
        return directory().find(patronId).filter(s -> user.isServiceStaff()
                || (user.organisationId() != null && user.organisationId().equals(s.organisationId())))
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
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "bookclubs:" + patronId)
                .query((rs, n) -> 1).list();
        Optional<UUID> existing = activeSubscription(patronId, clubId);
        if (existing.isPresent()) {
            return unchangedJoin(existing.get(), club);
        }
        Shipment first = clubs.firstOpenShipment(clubId)
                .orElseThrow(() -> new BookClubRefusal("clubId", "bookclubs.subscription.error.noShipment"));
        checkBooksPerMonth(patronId, clubId, first.deliveryDate());
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int inserted = jdbc.sql("""
                INSERT INTO club_subscription (id, patron_id, club_id, state, starts_on, created_at, created_by, updated_at)
                VALUES (:id, :patron, :club, 'ACTIVE', :starts, :now, :actor, :now)
                ON CONFLICT (patron_id, club_id) WHERE state = 'ACTIVE' DO NOTHING""")
                .param("id", id).param("patron", patronId).param("club", clubId)
                .param("starts", Date.valueOf(first.deliveryDate())).param("now", now).param("actor", user.username())
                .update();
        if (inserted == 0) {
            return unchangedJoin(activeSubscription(patronId, clubId).orElseThrow(), club);
        }
        audit.success(user.username(), "BOOKCLUB_SUBSCRIBED", "PATRON", patronId,
                "club=" + clubId + " first=" + first.deliveryDate());
        if (patron.hasEmail()) {
            String language = patron.language() == null ? "fi" : patron.language();
            mailbox.enqueue(OutgoingMail.of(id.toString(), patron.email(), Locale.forLanguageTag(language), JOINED_MAIL,
                    Map.of("name", patron.name(), "club", club.name(language),
                            "delivery", DATE.format(first.deliveryDate()),
                            "titles", first.titles() == null ? "" : first.titles()))
                    .about("PATRON", patronId));
        }
        return new SubscriptionChange(SubscriptionChange.Kind.JOINED, id, club, first, first.deliveryDate(), false);
    }

    /** Pauses deliveries from the first shipment not yet in production that is delivered on or after {@code from}. */
    @Transactional
    public SubscriptionChange pause(UUID patronId, UUID subscriptionId, LocalDate from, StaffPrincipal user) {
        visibleSubscriber(patronId, user);
        Row sub = requireActive(patronId, subscriptionId);
        if (from == null) {
            throw new BookClubRefusal("from", "bookclubs.subscription.error.pauseDate");
        }
        if (openPause(subscriptionId).isPresent()) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.alreadyPaused");
        }
        Effect effect = effectFrom(sub.clubId(), from);
        LocalDate pausedFrom = effect.date().isBefore(sub.startsOn()) ? sub.startsOn() : effect.date();
        jdbc.sql("""
                INSERT INTO club_subscription_pause (id, subscription_id, paused_from, created_at)
                VALUES (:id, :sub, :from, :now)""")
                .param("id", UUID.randomUUID()).param("sub", subscriptionId).param("from", Date.valueOf(pausedFrom))
                .param("now", Timestamp.from(Instant.now(clock))).update();
        touch(subscriptionId);
        audit.success(user.username(), "BOOKCLUB_PAUSED", "PATRON", patronId, "subscription=" + subscriptionId + " from=" + pausedFrom);
        return new SubscriptionChange(SubscriptionChange.Kind.PAUSED, subscriptionId, clubs.requireClub(sub.clubId()),
                effect.shipment(), pausedFrom, false);
    }

    /** Ends the current pause from the first shipment whose production has not started. */
    @Transactional
    public SubscriptionChange resume(UUID patronId, UUID subscriptionId, StaffPrincipal user) {
        visibleSubscriber(patronId, user);
        Row sub = requireActive(patronId, subscriptionId);
        Pause pause = openPause(subscriptionId)
                .orElseThrow(() -> new BookClubRefusal(null, "bookclubs.subscription.error.notPaused"));
        Effect effect = effectFrom(sub.clubId(), today());
        LocalDate resumedFrom = effect.date();
        if (!resumedFrom.isAfter(pause.pausedFrom())) {
            // The pause had not reached any shipment yet: it is withdrawn.
            jdbc.sql("DELETE FROM club_subscription_pause WHERE id = :id").param("id", pause.id()).update();
        } else {
            jdbc.sql("UPDATE club_subscription_pause SET resumed_from = :d WHERE id = :id")
                    .param("d", Date.valueOf(resumedFrom)).param("id", pause.id()).update();
        }
        touch(subscriptionId);
        audit.success(user.username(), "BOOKCLUB_RESUMED", "PATRON", patronId, "subscription=" + subscriptionId + " from=" + resumedFrom);
        return new SubscriptionChange(SubscriptionChange.Kind.RESUMED, subscriptionId, clubs.requireClub(sub.clubId()),
                effect.shipment(), resumedFrom, false);
    }

    /** Ends the subscription: the shipments already in production still go out, the first open one does not. */
    @Transactional
    public SubscriptionChange end(UUID patronId, UUID subscriptionId, StaffPrincipal user) {
        visibleSubscriber(patronId, user);
        Row sub = requireActive(patronId, subscriptionId);
        Effect effect = effectFrom(sub.clubId(), today());
        LocalDate endsOn = effect.date().isBefore(sub.startsOn()) ? sub.startsOn() : effect.date();
        jdbc.sql("UPDATE club_subscription SET state = 'ENDED', ends_on = :d, updated_at = :now WHERE id = :id")
                .param("d", Date.valueOf(endsOn)).param("now", Timestamp.from(Instant.now(clock)))
                .param("id", subscriptionId).update();
        audit.success(user.username(), "BOOKCLUB_ENDED", "PATRON", patronId, "subscription=" + subscriptionId + " from=" + endsOn);
        return new SubscriptionChange(SubscriptionChange.Kind.ENDED, subscriptionId, clubs.requireClub(sub.clubId()),
                effect.shipment(), endsOn, false);
    }

    /** The patron's subscriptions, current ones first, each with its next delivery. */
    @Transactional(readOnly = true)
    public List<SubscriptionView> forPatron(UUID patronId) {
        return forPatron(patronId, clubs.catalogue());
    }

    private List<SubscriptionView> forPatron(UUID patronId, List<Club> catalogue) {
        Map<UUID, Club> byId = catalogue.stream().collect(Collectors.toMap(Club::id, c -> c));
        LocalDate today = today();
        var rows = jdbc.sql("""
                SELECT id, club_id, state, starts_on, ends_on FROM club_subscription
                WHERE patron_id = :patron AND (state = 'ACTIVE' OR ends_on > :today) ORDER BY created_at""")
                .param("patron", patronId).param("today", Date.valueOf(today))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("club_id", UUID.class),
                        rs.getString("state"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
        List<SubscriptionView> views = new ArrayList<>();
        for (Row row : rows) {
            Club club = byId.containsKey(row.clubId()) ? byId.get(row.clubId()) : clubs.requireClub(row.clubId());
            Optional<Pause> pause = currentPause(row.id(), today);
            Shipment next = nextDelivery(row.id(), row.clubId(), today).orElse(null);
            SubscriptionView.State state = "ENDED".equals(row.state()) ? SubscriptionView.State.ENDED
                    : pause.isPresent() ? SubscriptionView.State.PAUSED : SubscriptionView.State.ACTIVE;
            views.add(new SubscriptionView(row.id(), club, state, row.startsOn(), row.endsOn(),
                    pause.map(Pause::pausedFrom).orElse(null), pause.map(Pause::resumedFrom).orElse(null), next));
        }
        views.sort(Comparator.comparing((SubscriptionView v) -> v.state() == SubscriptionView.State.ENDED)
                .thenComparing(v -> v.club().nameFi().toLowerCase(Locale.ROOT)));
        return views;
    }

    /** Everything the patron page's book-club fragment shows. */
    @Transactional(readOnly = true)
    public PatronSubscriptions patronPage(UUID patronId) {
        List<Club> catalogue = clubs.catalogue();
        List<SubscriptionView> subscriptions = forPatron(patronId, catalogue);
        Set<UUID> joined = subscriptions.stream().filter(v -> v.state() != SubscriptionView.State.ENDED)
                .map(v -> v.club().id()).collect(Collectors.toSet());
        return new PatronSubscriptions(patronId, subscriptions,
                catalogue.stream().filter(c -> !joined.contains(c.id())).toList());
    }

    /** Whether an implementation of {@link PatronDirectory} is present (the patrons module provides it). */
    public boolean directoryAvailable() {
        return directory.getIfAvailable() != null;
    }

    private PatronDirectory directory() {
        PatronDirectory found = directory.getIfAvailable();
        if (found == null) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.noDirectory");
        }
        return found;
    }

    private SubscriptionChange unchangedJoin(UUID subscriptionId, Club club) {
        LocalDate today = today();
        Shipment next = nextDelivery(subscriptionId, club.id(), today).orElse(null);
        LocalDate startsOn = jdbc.sql("SELECT starts_on FROM club_subscription WHERE id = :id").param("id", subscriptionId)
                .query(LocalDate.class).single();
        return new SubscriptionChange(SubscriptionChange.Kind.JOINED, subscriptionId, club, next,
                next == null ? startsOn : next.deliveryDate(), true);
    }

    private void checkBooksPerMonth(UUID patronId, UUID clubId, LocalDate startsOn) {
        var over = jdbc.sql("""
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
                .param("club", clubId).param("patron", patronId).param("starts", Date.valueOf(startsOn))
                .param("max", MAX_BOOKS_PER_MONTH)
                .query((rs, n) -> new Object[] {MONTH.format(rs.getObject("month", LocalDate.class)), rs.getInt("total")})
                .optional();
        over.ifPresent(o -> {
            throw new BookClubRefusal("clubId", "bookclubs.subscription.error.tooManyBooks", o[0], o[1], MAX_BOOKS_PER_MONTH);
        });
    }

    private Optional<Shipment> nextDelivery(UUID subscriptionId, UUID clubId, LocalDate today) {
        return jdbc.sql("""
                SELECT sh.id FROM club_shipment sh, club_subscription s
                WHERE s.id = :sub AND sh.club_id = s.club_id AND sh.delivery_date > :today
                  AND ((sh.frozen_at IS NOT NULL AND EXISTS (SELECT 1 FROM shipment_member m
                          WHERE m.shipment_id = sh.id AND m.subscription_id = s.id))
                    OR (sh.frozen_at IS NULL AND %s))
                ORDER BY sh.delivery_date LIMIT 1""".formatted(Membership.receives("s", "sh.delivery_date")))
                .param("sub", subscriptionId).param("today", Date.valueOf(today)).query(UUID.class).optional()
                .flatMap(id -> clubs.findShipment(clubId, id));
    }

    /** The first open shipment on or after {@code from}, or, when none is scheduled, a date after every shipment. */
    private Effect effectFrom(UUID clubId, LocalDate from) {
        Optional<Shipment> shipment = clubs.firstOpenShipment(clubId, from);
        if (shipment.isPresent()) {
            return new Effect(shipment.get(), shipment.get().deliveryDate());
        }
        LocalDate last = jdbc.sql("SELECT max(delivery_date) FROM club_shipment WHERE club_id = :club").param("club", clubId)
                .query(LocalDate.class).optional().orElse(null);
        LocalDate date = from.isAfter(today()) ? from : today().plusDays(1);
        if (last != null && !last.isBefore(date)) {
            date = last.plusDays(1);
        }
        return new Effect(null, date);
    }

    private Optional<UUID> activeSubscription(UUID patronId, UUID clubId) {
        return jdbc.sql("SELECT id FROM club_subscription WHERE patron_id = :p AND club_id = :c AND state = 'ACTIVE'")
                .param("p", patronId).param("c", clubId).query(UUID.class).optional();
    }

    private Row requireActive(UUID patronId, UUID subscriptionId) {
        Row row = jdbc.sql("SELECT id, club_id, state, starts_on, ends_on FROM club_subscription WHERE id = :id AND patron_id = :p FOR UPDATE")
                .param("id", subscriptionId).param("p", patronId)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("club_id", UUID.class),
                        rs.getString("state"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .optional().orElseThrow(NotFoundException::new);
        if (!"ACTIVE".equals(row.state())) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.ended");
        }
        return row;
    }

    private Optional<Pause> openPause(UUID subscriptionId) {
        return jdbc.sql("SELECT id, paused_from, resumed_from FROM club_subscription_pause WHERE subscription_id = :s AND resumed_from IS NULL")
                .param("s", subscriptionId).query((rs, n) -> new Pause(rs.getObject("id", UUID.class),
                        rs.getObject("paused_from", LocalDate.class), rs.getObject("resumed_from", LocalDate.class)))
                .optional();
    }

    /** A pause that is open or has not ended yet. */
    private Optional<Pause> currentPause(UUID subscriptionId, LocalDate today) {
        return jdbc.sql("""
                SELECT id, paused_from, resumed_from FROM club_subscription_pause
                WHERE subscription_id = :s AND (resumed_from IS NULL OR resumed_from > :today)
                ORDER BY paused_from DESC LIMIT 1""")
                .param("s", subscriptionId).param("today", Date.valueOf(today))
                .query((rs, n) -> new Pause(rs.getObject("id", UUID.class), rs.getObject("paused_from", LocalDate.class),
                        rs.getObject("resumed_from", LocalDate.class)))
                .optional();
    }

    private void touch(UUID subscriptionId) {
        jdbc.sql("UPDATE club_subscription SET updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", subscriptionId).update();
    }

    private LocalDate today() {
        return Helsinki.dateOf(Instant.now(clock));
    }

    private record Row(UUID id, UUID clubId, String state, LocalDate startsOn, LocalDate endsOn) {
    }

    private record Pause(UUID id, LocalDate pausedFrom, LocalDate resumedFrom) {
    }

    private record Effect(Shipment shipment, LocalDate date) {
    }
}
