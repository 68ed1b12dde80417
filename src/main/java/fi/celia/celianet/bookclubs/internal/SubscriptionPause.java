package fi.celia.celianet.bookclubs.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A pause of a subscription: no shipments delivered from {@code pausedFrom} until before {@code resumedFrom}. */
@Entity
@Table(name = "club_subscription_pause")
public class SubscriptionPause {

    @Id
    private UUID id;

    @SuppressWarnings("UnusedVariable") // the owning side of the parent's collection, written by JPA
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscription_id", nullable = false, updatable = false)
    private Subscription subscription;

    @Column(name = "paused_from", nullable = false)
    private LocalDate pausedFrom;

    @Column(name = "resumed_from")
    private LocalDate resumedFrom;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SubscriptionPause() {}

    SubscriptionPause(Subscription subscription, LocalDate pausedFrom, Instant now) {
        this.id = UUID.randomUUID();
        this.subscription = subscription;
        this.pausedFrom = pausedFrom;
        this.createdAt = now;
    }

    void resumeFrom(LocalDate date) {
        this.resumedFrom = date;
    }

    public LocalDate pausedFrom() {
        return pausedFrom;
    }

    public LocalDate resumedFrom() {
        return resumedFrom;
    }
}
