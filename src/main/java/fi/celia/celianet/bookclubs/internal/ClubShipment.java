package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.Shipment;
import fi.celia.celianet.bookclubs.ShipmentState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * One delivery of a club's calendar. Production starts at the start of {@code productionStartsOn} (Helsinki). The
 * production run freezes the member list set-wise ({@code frozen_at}, {@code member_count}, and a new version), so
 * those two columns are read here and never written.
 */
@Entity
@Table(name = "club_shipment")
public class ClubShipment {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "club_id", nullable = false, updatable = false)
    private BookClub club;

    @Column(name = "delivery_date", nullable = false)
    private LocalDate deliveryDate;

    @Column(name = "production_starts_on", nullable = false)
    private LocalDate productionStartsOn;

    @Column(nullable = false)
    private String titles;

    @Column(name = "frozen_at", insertable = false, updatable = false)
    private Instant frozenAt;

    @Column(name = "member_count", insertable = false, updatable = false)
    private Integer memberCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected ClubShipment() {}

    ClubShipment(BookClub club, LocalDate deliveryDate, LocalDate productionStartsOn, Instant now) {
        this.id = UUID.randomUUID();
        this.club = club;
        this.deliveryDate = deliveryDate;
        this.productionStartsOn = productionStartsOn;
        this.titles = "";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Follows from the clock: open until production starts, in production until the delivery date, then shipped. */
    public ShipmentState stateOn(LocalDate today) {
        if (!today.isBefore(deliveryDate)) {
            return ShipmentState.SHIPPED;
        }
        return frozenAt != null || !today.isBefore(productionStartsOn)
                ? ShipmentState.IN_PRODUCTION
                : ShipmentState.OPEN;
    }

    boolean openOn(LocalDate today) {
        return stateOn(today) == ShipmentState.OPEN;
    }

    void reschedule(LocalDate deliveryDate, LocalDate productionStartsOn, Instant now) {
        this.deliveryDate = deliveryDate;
        this.productionStartsOn = productionStartsOn;
        this.updatedAt = now;
    }

    void retitle(String titles, Instant now) {
        if (!titles.equals(this.titles)) {
            this.titles = titles;
            this.updatedAt = now;
        }
    }

    void requireVersion(Long expected) {
        if (expected != null && !Objects.equals(expected, version)) {
            throw new ObjectOptimisticLockingFailureException(ClubShipment.class, id);
        }
    }

    /** @param openMembers the subscribers it would go to now; used only while the list is not frozen */
    public Shipment toShipment(long openMembers, LocalDate today) {
        int members = frozenAt != null ? (memberCount == null ? 0 : memberCount) : Math.toIntExact(openMembers);
        return new Shipment(
                id,
                clubId(),
                deliveryDate,
                productionStartsOn,
                titles,
                frozenAt,
                members,
                stateOn(today),
                version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public UUID clubId() {
        return club.id();
    }

    public LocalDate deliveryDate() {
        return deliveryDate;
    }

    public boolean frozen() {
        return frozenAt != null;
    }
}
