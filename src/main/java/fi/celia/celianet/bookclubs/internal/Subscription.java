package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.BookClubRefusal;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A patron's subscription to a club, with its pauses. It receives the shipments delivered on or after
 * {@code startsOn} and before {@code endsOn}, except those inside a pause; every date is the delivery date of the
 * first shipment a change applies to, so a frozen member list never changes.
 */
@Entity
@Table(name = "club_subscription")
public class Subscription {

    public enum State {
        ACTIVE,
        ENDED
    }

    @Id
    private UUID id;

    @Column(name = "patron_id", nullable = false, updatable = false)
    private UUID patronId;

    @Column(name = "club_id", nullable = false, updatable = false)
    private UUID clubId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    @OneToMany(mappedBy = "subscription", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<SubscriptionPause> pauses = new ArrayList<>();

    protected Subscription() {}

    public static Subscription start(UUID patronId, UUID clubId, LocalDate firstDelivery, String actor, Instant now) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.patronId = patronId;
        s.clubId = clubId;
        s.state = State.ACTIVE;
        s.startsOn = firstDelivery;
        s.createdAt = now;
        s.createdBy = actor;
        s.updatedAt = now;
        return s;
    }

    /**
     * Checks that the subscription can still change and that the form it came from is current.
     *
     * @throws ObjectOptimisticLockingFailureException when someone changed it since {@code expectedVersion}
     * @throws BookClubRefusal                        when it has ended
     */
    public void requireChangeable(Long expectedVersion) {
        if (expectedVersion != null && !Objects.equals(expectedVersion, version)) {
            throw new ObjectOptimisticLockingFailureException(Subscription.class, id);
        }
        if (state != State.ACTIVE) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.ended");
        }
    }

    /** @return the delivery date the pause starts from: {@code effective}, or the start when that is earlier */
    public LocalDate pause(LocalDate effective, Instant now) {
        if (openPause().isPresent()) {
            throw new BookClubRefusal(null, "bookclubs.subscription.error.alreadyPaused");
        }
        LocalDate pausedFrom = effective.isBefore(startsOn) ? startsOn : effective;
        pauses.add(new SubscriptionPause(this, pausedFrom, now));
        updatedAt = now;
        return pausedFrom;
    }

    /** Ends the open pause from {@code effective}; a pause that had not reached any shipment yet is withdrawn. */
    public void resume(LocalDate effective, Instant now) {
        SubscriptionPause pause =
                openPause().orElseThrow(() -> new BookClubRefusal(null, "bookclubs.subscription.error.notPaused"));
        if (!effective.isAfter(pause.pausedFrom())) {
            pauses.remove(pause);
        } else {
            pause.resumeFrom(effective);
        }
        updatedAt = now;
    }

    /** @return the delivery date the subscription ends before: {@code effective}, or the start when that is earlier */
    public LocalDate end(LocalDate effective, Instant now) {
        endsOn = effective.isBefore(startsOn) ? startsOn : effective;
        state = State.ENDED;
        updatedAt = now;
        return endsOn;
    }

    public Optional<SubscriptionPause> openPause() {
        return pauses.stream().filter(p -> p.resumedFrom() == null).findFirst();
    }

    /** The pause that is open or has not ended by {@code today}, the latest first. */
    public Optional<SubscriptionPause> currentPause(LocalDate today) {
        return pauses.stream()
                .filter(p -> p.resumedFrom() == null || p.resumedFrom().isAfter(today))
                .max(Comparator.comparing(SubscriptionPause::pausedFrom));
    }

    public UUID id() {
        return id;
    }

    public UUID patronId() {
        return patronId;
    }

    public UUID clubId() {
        return clubId;
    }

    public State state() {
        return state;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The last change: for an ended subscription, when it was ended, since an ended one changes no more. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version == null ? 0 : version;
    }
}
