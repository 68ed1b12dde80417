package fi.celia.celianet.bookclubs;

import fi.celia.celianet.patrons.PostalAddress;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.bookclubs.internal.Membership;
import fi.celia.celianet.calendar.Helsinki;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clubs and their shipment calendars, for service staff. */
@Service
public class BookClubs {

    /** A calendar reaches at most this many months ahead in one go. */
    public static final int MAX_CALENDAR_MONTHS = 24;

    private static final String CLUB_FIELDS = """
            c.id, c.name_fi, c.name_sv, c.name_en, c.description_fi, c.description_sv, c.description_en, c.format,
            c.lead_time_days, c.books_per_shipment""";
    private static final String CLUB_COLUMNS = CLUB_FIELDS + """
            , (SELECT count(*) FROM club_subscription s WHERE s.club_id = c.id AND s.state = 'ACTIVE') AS member_count""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    BookClubs(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Club> all() {
        return jdbc.sql("SELECT " + CLUB_COLUMNS + " FROM book_club c ORDER BY lower(c.name_fi), c.id")
                .query(BookClubs::club).list();
    }

    /** The clubs without their member counts (0 in each): cheap enough for every patron page. */
    @Transactional(readOnly = true)
    public List<Club> catalogue() {
        return jdbc.sql("SELECT " + CLUB_FIELDS + ", 0 AS member_count FROM book_club c ORDER BY lower(c.name_fi), c.id")
                .query(BookClubs::club).list();
    }

    @Transactional(readOnly = true)
    public Optional<Club> find(UUID clubId) {
        return jdbc.sql("SELECT " + CLUB_COLUMNS + " FROM book_club c WHERE c.id = :id").param("id", clubId)
                .query(BookClubs::club).optional();
    }

    @Transactional
    public Club create(ClubDetails details, String actor) {
        checkLeadTime(details.leadTimeDays());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        jdbc.sql("""
                INSERT INTO book_club (id, name_fi, name_sv, name_en, description_fi, description_sv, description_en,
                    format, lead_time_days, books_per_shipment, created_at, updated_at)
                VALUES (:id, :nameFi, :nameSv, :nameEn, :descFi, :descSv, :descEn, :format, :lead, :books, :now, :now)""")
                .param("id", id).param("nameFi", details.nameFi().strip()).param("nameSv", blankToEmpty(details.nameSv()))
                .param("nameEn", blankToEmpty(details.nameEn())).param("descFi", blankToEmpty(details.descriptionFi()))
                .param("descSv", blankToEmpty(details.descriptionSv())).param("descEn", blankToEmpty(details.descriptionEn()))
                .param("format", details.format().name()).param("lead", details.leadTimeDays())
                .param("books", details.booksPerShipment()).param("now", Timestamp.from(now)).update();
        audit.success(actor, "BOOKCLUB_CREATED", "BOOK_CLUB", id, details.nameFi());
        return find(id).orElseThrow();
    }

    /**
     * Adds a monthly calendar: {@code months} deliveries, the first on {@code firstDelivery}, then on the same day
     * of each following month (the month's last day when it is shorter). Production of each starts
     * {@code leadTimeDays} before its delivery; the lead time becomes the club's. Dates the club already ships on
     * are left as they are, so generating the same calendar twice adds nothing.
     *
     * @return the shipments added
     * @throws BookClubRefusal for a delivery date in the past, a lead time outside 1–120 days or a month count
     *                         outside 1–{@value #MAX_CALENDAR_MONTHS}
     */
    @Transactional
    public List<Shipment> generateMonthlyCalendar(UUID clubId, LocalDate firstDelivery, int months, int leadTimeDays,
            String actor) {
        requireClub(clubId);
        checkLeadTime(leadTimeDays);
        if (months < 1 || months > MAX_CALENDAR_MONTHS) {
            throw new BookClubRefusal("months", "bookclubs.calendar.error.months", MAX_CALENDAR_MONTHS);
        }
        LocalDate today = today();
        if (firstDelivery == null) {
            throw new BookClubRefusal("firstDelivery", "bookclubs.calendar.error.firstDelivery");
        }
        if (firstDelivery.isBefore(today)) {
            throw new BookClubRefusal("firstDelivery", "bookclubs.calendar.error.past",
                    java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy").format(today));
        }
        jdbc.sql("UPDATE book_club SET lead_time_days = :lead, updated_at = :now WHERE id = :id")
                .param("lead", leadTimeDays).param("now", Timestamp.from(Instant.now(clock))).param("id", clubId).update();
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            LocalDate delivery = firstDelivery.plusMonths(i);
            insertShipment(clubId, delivery, delivery.minusDays(leadTimeDays), "").ifPresent(added::add);
        }
        audit.success(actor, "BOOKCLUB_CALENDAR", "BOOK_CLUB", clubId,
                "first=" + firstDelivery + " months=" + months + " lead=" + leadTimeDays + " added=" + added.size());
        return added.stream().map(id -> findShipment(clubId, id).orElseThrow()).toList();
    }

    /** The club's shipments in delivery order. */
    @Transactional(readOnly = true)
    public List<Shipment> shipments(UUID clubId) {
        return jdbc.sql(shipmentQuery("sh.club_id = :club ORDER BY sh.delivery_date")).param("club", clubId)
                .query(shipmentMapper()).list();
    }

    @Transactional(readOnly = true)
    public Optional<Shipment> findShipment(UUID clubId, UUID shipmentId) {
        return jdbc.sql(shipmentQuery("sh.club_id = :club AND sh.id = :id")).param("club", clubId).param("id", shipmentId)
                .query(shipmentMapper()).optional();
    }

    /** The first shipment of the club whose production has not started by now: the one a new member joins. */
    @Transactional(readOnly = true)
    public Optional<Shipment> firstOpenShipment(UUID clubId) {
        return firstOpenShipment(clubId, today());
    }

    /** The first shipment whose production has not started by now and that is delivered on or after {@code from}. */
    @Transactional(readOnly = true)
    public Optional<Shipment> firstOpenShipment(UUID clubId, LocalDate from) {
        return jdbc.sql(shipmentQuery("""
                sh.club_id = :club AND sh.production_starts_on > :today AND sh.frozen_at IS NULL
                AND sh.delivery_date >= :from ORDER BY sh.delivery_date LIMIT 1"""))
                .param("club", clubId).param("today", Date.valueOf(today())).param("from", Date.valueOf(from))
                .query(shipmentMapper()).optional();
    }

    /**
     * Changes one shipment: its titles at any time, its delivery date only while the shipment is open (its
     * production start moves with it, by the club's lead time).
     */
    @Transactional
    public Shipment updateShipment(UUID clubId, UUID shipmentId, LocalDate deliveryDate, String titles, String actor) {
        Club club = requireClub(clubId);
        Shipment shipment = findShipment(clubId, shipmentId).orElseThrow(fi.celia.celianet.shared.NotFoundException::new);
        if (deliveryDate == null) {
            throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.deliveryDate");
        }
        if (!deliveryDate.equals(shipment.deliveryDate())) {
            if (!shipment.open()) {
                throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.notOpen");
            }
            LocalDate production = deliveryDate.minusDays(club.leadTimeDays());
            if (!production.isAfter(today())) {
                throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.tooSoon", club.leadTimeDays());
            }
            boolean taken = jdbc.sql("SELECT count(*) FROM club_shipment WHERE club_id = :club AND delivery_date = :d AND id <> :id")
                    .param("club", clubId).param("d", Date.valueOf(deliveryDate)).param("id", shipmentId)
                    .query(Integer.class).single() > 0;
            if (taken) {
                throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.taken");
            }
            jdbc.sql("""
                    UPDATE club_shipment SET delivery_date = :d, production_starts_on = :p, updated_at = :now
                    WHERE id = :id AND frozen_at IS NULL""")
                    .param("d", Date.valueOf(deliveryDate)).param("p", Date.valueOf(production))
                    .param("now", Timestamp.from(Instant.now(clock))).param("id", shipmentId).update();
        }
        jdbc.sql("UPDATE club_shipment SET titles = :t, updated_at = :now WHERE id = :id")
                .param("t", titles == null ? "" : titles.strip()).param("now", Timestamp.from(Instant.now(clock)))
                .param("id", shipmentId).update();
        audit.success(actor, "BOOKCLUB_SHIPMENT_UPDATED", "CLUB_SHIPMENT", shipmentId, "delivery=" + deliveryDate);
        return findShipment(clubId, shipmentId).orElseThrow();
    }

    /** The frozen member list of a shipment, at most {@code limit} rows, by name. */
    @Transactional(readOnly = true)
    public List<ShipmentMember> members(UUID shipmentId, int limit) {
        return jdbc.sql("""
                SELECT patron_id, patron_number, name, street, postal_code, city, language FROM shipment_member
                WHERE shipment_id = :id ORDER BY name, patron_number LIMIT :limit""")
                .param("id", shipmentId).param("limit", limit)
                .query((rs, n) -> new ShipmentMember(rs.getObject("patron_id", UUID.class), rs.getString("patron_number"),
                        rs.getString("name"), new PostalAddress(rs.getString("street"), rs.getString("postal_code"),
                        rs.getString("city")), rs.getString("language")))
                .list();
    }

    Club requireClub(UUID clubId) {
        return find(clubId).orElseThrow(fi.celia.celianet.shared.NotFoundException::new);
    }

    private Optional<UUID> insertShipment(UUID clubId, LocalDate delivery, LocalDate production, String titles) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int inserted = jdbc.sql("""
                INSERT INTO club_shipment (id, club_id, delivery_date, production_starts_on, titles, created_at, updated_at)
                VALUES (:id, :club, :d, :p, :t, :now, :now) ON CONFLICT (club_id, delivery_date) DO NOTHING""")
                .param("id", id).param("club", clubId).param("d", Date.valueOf(delivery)).param("p", Date.valueOf(production))
                .param("t", titles).param("now", now).update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    private LocalDate today() {
        return Helsinki.dateOf(Instant.now(clock));
    }

    private static void checkLeadTime(int leadTimeDays) {
        if (leadTimeDays < Club.MIN_LEAD_TIME_DAYS || leadTimeDays > Club.MAX_LEAD_TIME_DAYS) {
            throw new BookClubRefusal("leadTimeDays", "bookclubs.calendar.error.leadTime", Club.MIN_LEAD_TIME_DAYS,
                    Club.MAX_LEAD_TIME_DAYS);
        }
    }

    private static String shipmentQuery(String where) {
        return """
                SELECT sh.id, sh.club_id, sh.delivery_date, sh.production_starts_on, sh.titles, sh.frozen_at,
                    CASE WHEN sh.frozen_at IS NOT NULL THEN sh.member_count ELSE
                        (SELECT count(*) FROM club_subscription s WHERE s.club_id = sh.club_id AND %s) END AS members
                FROM club_shipment sh WHERE """.formatted(Membership.receives("s", "sh.delivery_date")) + " " + where;
    }

    private RowMapper<Shipment> shipmentMapper() {
        LocalDate today = today();
        return (rs, n) -> {
            LocalDate delivery = rs.getObject("delivery_date", LocalDate.class);
            LocalDate production = rs.getObject("production_starts_on", LocalDate.class);
            Timestamp frozen = rs.getTimestamp("frozen_at");
            ShipmentState state = !today.isBefore(delivery) ? ShipmentState.SHIPPED
                    : (frozen != null || !today.isBefore(production)) ? ShipmentState.IN_PRODUCTION : ShipmentState.OPEN;
            return new Shipment(rs.getObject("id", UUID.class), rs.getObject("club_id", UUID.class), delivery, production,
                    rs.getString("titles"), frozen == null ? null : frozen.toInstant(), rs.getInt("members"), state);
        };
    }

    private static Club club(ResultSet rs, int n) throws SQLException {
        return new Club(rs.getObject("id", UUID.class), rs.getString("name_fi"), rs.getString("name_sv"),
                rs.getString("name_en"), rs.getString("description_fi"), rs.getString("description_sv"),
                rs.getString("description_en"), ClubFormat.valueOf(rs.getString("format")), rs.getInt("lead_time_days"),
                rs.getInt("books_per_shipment"), rs.getInt("member_count"));
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
