package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.notifications.Audience;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * One sending of a window's announcement or update, as an administrator confirmed it: to which audiences, at
 * once or at the window's announce-from time, how many recipients the confirmation page counted, and how many
 * mails were queued when it went out.
 */
@Entity
@Table(name = "announcement_sending")
public class AnnouncementSending {

    @Id
    private UUID id;

    @Column(name = "window_id", nullable = false)
    private UUID windowId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SendingKind kind;

    @Column(name = "window_version", nullable = false)
    private int windowVersion;

    @Column(nullable = false)
    private String[] audiences;

    @Column(name = "scheduled_for")
    private Instant scheduledFor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "confirmed_count", nullable = false)
    private int confirmedCount;

    @Column(name = "queued_count")
    private Integer queuedCount;

    @Column(name = "queued_at")
    private Instant queuedAt;

    protected AnnouncementSending() {}

    AnnouncementSending(
            UUID id,
            UUID windowId,
            SendingKind kind,
            int windowVersion,
            Set<Audience> audiences,
            Instant scheduledFor,
            Instant now,
            String actor,
            int confirmedCount) {
        this.id = id;
        this.windowId = windowId;
        this.kind = kind;
        this.windowVersion = windowVersion;
        this.audiences = audiences.stream().map(Enum::name).sorted().toArray(String[]::new);
        this.scheduledFor = scheduledFor;
        this.createdAt = now;
        this.createdBy = actor;
        this.confirmedCount = confirmedCount;
    }

    void queued(int version, int count, Instant now) {
        this.windowVersion = version;
        this.queuedCount = count;
        this.queuedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID windowId() {
        return windowId;
    }

    public SendingKind kind() {
        return kind;
    }

    public int windowVersion() {
        return windowVersion;
    }

    public Set<Audience> audiences() {
        Set<Audience> set = EnumSet.noneOf(Audience.class);
        Arrays.stream(audiences).map(Audience::valueOf).forEach(set::add);
        return Collections.unmodifiableSet(set);
    }

    /** Null when it was sent at once. */
    public Instant scheduledFor() {
        return scheduledFor;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public int confirmedCount() {
        return confirmedCount;
    }

    /** Null until queued. */
    public Integer queuedCount() {
        return queuedCount;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public boolean isQueued() {
        return queuedAt != null;
    }
}
