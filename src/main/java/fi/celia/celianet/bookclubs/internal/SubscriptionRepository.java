package fi.celia.celianet.bookclubs.internal;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

    Optional<Subscription> findByPatronIdAndClubIdAndState(UUID patronId, UUID clubId, Subscription.State state);

    /** The patron's subscription, locked until the transaction ends, so changes to it happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Subscription s where s.id = :id and s.patronId = :patronId")
    Optional<Subscription> lockOfPatron(UUID id, UUID patronId);

    /** The patron's subscriptions still active or ending after {@code today}, with their pauses, in one query. */
    @Query(
            """
            select s from Subscription s left join fetch s.pauses
            where s.patronId = :patronId and (s.state = :active or s.endsOn > :today) order by s.createdAt""")
    List<Subscription> current(UUID patronId, Subscription.State active, LocalDate today);

    /** Every subscription the patron has or had, the oldest first. */
    List<Subscription> findByPatronIdOrderByCreatedAtAscIdAsc(UUID patronId);
}
