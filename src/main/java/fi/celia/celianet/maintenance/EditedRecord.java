package fi.celia.celianet.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Who made a window or a notice and who last changed it, and the edit counter that refuses an edit made on a
 * stale page: the columns both tables share.
 */
@MappedSuperclass
public abstract class EditedRecord {

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    /** Counts every saved edit, so an edit made on a stale page is refused. */
    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    final void created(Instant now, String actor) {
        createdAt = now;
        createdBy = actor;
    }

    final void edited(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    public long lockVersion() {
        return lockVersion;
    }
}
