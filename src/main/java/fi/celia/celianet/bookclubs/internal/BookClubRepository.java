package fi.celia.celianet.bookclubs.internal;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Clubs and, as parts of each club, their shipments. */
public interface BookClubRepository extends JpaRepository<BookClub, UUID> {

    @Query("select c from BookClub c order by lower(c.nameFi), c.id")
    List<BookClub> catalogue();

    /** The club and its calendar, in one query. */
    @Query("select c from BookClub c left join fetch c.shipments where c.id = :id")
    Optional<BookClub> withShipments(UUID id);

    /** The club, locked until the transaction ends: calendar changes to one club happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from BookClub c where c.id = :id")
    Optional<BookClub> lock(UUID id);

    @Query("select sh from ClubShipment sh where sh.club.id = :clubId order by sh.deliveryDate")
    List<ClubShipment> shipments(UUID clubId);

    @Query("select sh from ClubShipment sh where sh.club.id = :clubId and sh.id = :id")
    Optional<ClubShipment> shipment(UUID clubId, UUID id);

    /** The first shipment not frozen and not in production by {@code today}, delivered on or after {@code from}. */
    @Query(
            """
            select sh from ClubShipment sh where sh.club.id = :clubId and sh.productionStartsOn > :today
            and sh.frozenAt is null and sh.deliveryDate >= :from order by sh.deliveryDate limit 1""")
    Optional<ClubShipment> firstOpen(UUID clubId, LocalDate today, LocalDate from);

    /**
     * For every club with one, the delivery date of its first shipment not frozen and not in production by
     * {@code today}: what {@link #firstOpen} finds for each club, in one query.
     */
    @Query(
            """
            select new fi.celia.celianet.bookclubs.internal.ClubFirstDelivery(sh.club.id, min(sh.deliveryDate))
            from ClubShipment sh where sh.productionStartsOn > :today and sh.frozenAt is null group by sh.club.id""")
    List<ClubFirstDelivery> firstOpenDeliveries(LocalDate today);

    @Query("select max(sh.deliveryDate) from ClubShipment sh where sh.club.id = :clubId")
    Optional<LocalDate> lastDelivery(UUID clubId);
}
