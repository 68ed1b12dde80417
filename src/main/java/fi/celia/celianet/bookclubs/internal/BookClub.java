package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.BookClubRefusal;
import fi.celia.celianet.bookclubs.Club;
import fi.celia.celianet.bookclubs.ClubDetails;
import fi.celia.celianet.bookclubs.ClubFormat;
import fi.celia.celianet.calendar.Horizon;
import fi.celia.celianet.shared.NotFoundException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A book club with its delivery calendar. The calendar's rules live here: a monthly calendar adds only dates the
 * club does not ship on yet, and a shipment's delivery date moves only while it is open, with its production start.
 */
@Entity
@Table(name = "book_club")
public class BookClub {

    /** A calendar reaches at most this many months ahead in one go. */
    public static final int MAX_CALENDAR_MONTHS = 24;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    @Id
    private UUID id;

    @Column(name = "name_fi", nullable = false)
    private String nameFi;

    @Column(name = "name_sv", nullable = false)
    private String nameSv;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "description_fi", nullable = false)
    private String descriptionFi;

    @Column(name = "description_sv", nullable = false)
    private String descriptionSv;

    @Column(name = "description_en", nullable = false)
    private String descriptionEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClubFormat format;

    @Column(name = "lead_time_days", nullable = false)
    private int leadTimeDays;

    @Column(name = "books_per_shipment", nullable = false)
    private int booksPerShipment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    @OneToMany(mappedBy = "club", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("deliveryDate")
    private List<ClubShipment> shipments = new ArrayList<>();

    protected BookClub() {}

    /** @throws BookClubRefusal for a lead time outside 1–120 days */
    public static BookClub create(ClubDetails details, Instant now) {
        checkLeadTime(details.leadTimeDays());
        BookClub club = new BookClub();
        club.id = UUID.randomUUID();
        club.nameFi = details.nameFi().strip();
        club.nameSv = blankToEmpty(details.nameSv());
        club.nameEn = blankToEmpty(details.nameEn());
        club.descriptionFi = blankToEmpty(details.descriptionFi());
        club.descriptionSv = blankToEmpty(details.descriptionSv());
        club.descriptionEn = blankToEmpty(details.descriptionEn());
        club.format = details.format();
        club.leadTimeDays = details.leadTimeDays();
        club.booksPerShipment = details.booksPerShipment();
        club.createdAt = now;
        club.updatedAt = now;
        return club;
    }

    /**
     * Adds a monthly calendar: {@code months} deliveries, the first on {@code firstDelivery}, then on the same day
     * of each following month (the month's last day when it is shorter), each produced {@code leadTimeDays}
     * before. The club's own lead time stays as it is: it is changed on the club, never by a calendar. Dates the club already ships on are left as they are. The first
     * delivery is today at the earliest and at most {@link Horizon five years} ahead.
     *
     * @return the shipments added
     */
    public List<ClubShipment> scheduleMonthly(
            LocalDate firstDelivery, int months, int leadTimeDays, LocalDate today, Instant now) {
        checkLeadTime(leadTimeDays);
        if (months < 1 || months > MAX_CALENDAR_MONTHS) {
            throw new BookClubRefusal("months", "bookclubs.calendar.error.months", MAX_CALENDAR_MONTHS);
        }
        if (firstDelivery == null) {
            throw new BookClubRefusal("firstDelivery", "bookclubs.calendar.error.firstDelivery");
        }
        if (firstDelivery.isBefore(today)) {
            throw new BookClubRefusal(
                    "firstDelivery",
                    "bookclubs.calendar.error.past",
                    DateTimeFormatter.ofPattern("d.M.yyyy").format(today));
        }
        if (Horizon.beyond(firstDelivery, today)) {
            throw new BookClubRefusal(
                    "firstDelivery", "bookclubs.calendar.error.tooFarAhead", DATE.format(Horizon.lastDate(today)));
        }
        this.updatedAt = now;
        Set<LocalDate> scheduled =
                shipments.stream().map(ClubShipment::deliveryDate).collect(Collectors.toSet());
        List<ClubShipment> added = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            LocalDate delivery = firstDelivery.plusMonths(i);
            if (scheduled.add(delivery)) {
                ClubShipment shipment = new ClubShipment(this, delivery, delivery.minusDays(leadTimeDays), now);
                shipments.add(shipment);
                added.add(shipment);
            }
        }
        return added;
    }

    /**
     * Changes one shipment: its titles at any time, its delivery date only while the shipment is open (its
     * production start moves with it, by the club's lead time) and to a date at most {@link Horizon five years}
     * ahead.
     */
    public ClubShipment changeShipment(
            UUID shipmentId,
            Long expectedVersion,
            LocalDate deliveryDate,
            String titles,
            LocalDate today,
            Instant now) {
        ClubShipment shipment = shipment(shipmentId);
        shipment.requireVersion(expectedVersion);
        if (deliveryDate == null) {
            throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.deliveryDate");
        }
        if (!deliveryDate.equals(shipment.deliveryDate())) {
            if (!shipment.openOn(today)) {
                throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.notOpen");
            }
            if (Horizon.beyond(deliveryDate, today)) {
                throw new BookClubRefusal(
                        "deliveryDate", "bookclubs.shipment.error.tooFarAhead", DATE.format(Horizon.lastDate(today)));
            }
            LocalDate production = deliveryDate.minusDays(leadTimeDays);
            if (!production.isAfter(today)) {
                throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.tooSoon", leadTimeDays);
            }
            if (shipments.stream()
                    .anyMatch(s -> s != shipment && s.deliveryDate().equals(deliveryDate))) {
                throw new BookClubRefusal("deliveryDate", "bookclubs.shipment.error.taken");
            }
            shipment.reschedule(deliveryDate, production, now);
        }
        shipment.retitle(titles == null ? "" : titles.strip(), now);
        return shipment;
    }

    public ClubShipment shipment(UUID shipmentId) {
        return shipments.stream()
                .filter(s -> s.id().equals(shipmentId))
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** @throws org.springframework.orm.ObjectOptimisticLockingFailureException when the club changed since {@code expected} */
    public void requireVersion(Long expected) {
        if (expected != null && !Objects.equals(expected, version)) {
            throw new ObjectOptimisticLockingFailureException(BookClub.class, id);
        }
    }

    public Club toClub(long memberCount) {
        return new Club(
                id,
                nameFi,
                nameSv,
                nameEn,
                descriptionFi,
                descriptionSv,
                descriptionEn,
                format,
                leadTimeDays,
                booksPerShipment,
                Math.toIntExact(memberCount),
                version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String nameFi() {
        return nameFi;
    }

    public int leadTimeDays() {
        return leadTimeDays;
    }

    public List<ClubShipment> shipments() {
        return List.copyOf(shipments);
    }

    private static void checkLeadTime(int leadTimeDays) {
        if (leadTimeDays < Club.MIN_LEAD_TIME_DAYS || leadTimeDays > Club.MAX_LEAD_TIME_DAYS) {
            throw new BookClubRefusal(
                    "leadTimeDays",
                    "bookclubs.calendar.error.leadTime",
                    Club.MIN_LEAD_TIME_DAYS,
                    Club.MAX_LEAD_TIME_DAYS);
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
