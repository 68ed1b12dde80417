package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.maintenance.MaintenanceWindow;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Maintenance windows. The "current" queries are native: each is one indexed query bounded by the effective
 * end ({@code coalesce(ended_early_at, ends_at)}, the expression the partial index is built on).
 */
public interface WindowRepository extends JpaRepository<MaintenanceWindow, UUID> {

    /** The in-progress window closing a service now (the one ending last when windows overlap). */
    @Query(
            value =
                    """
            SELECT * FROM maintenance_window WHERE cancelled_at IS NULL AND coalesce(ended_early_at, ends_at) > :now
              AND starts_at <= :now AND :service = ANY (services)
            ORDER BY coalesce(ended_early_at, ends_at) DESC LIMIT 1""",
            nativeQuery = true)
    Optional<MaintenanceWindow> closing(String service, Instant now);

    /** Not cancelled, announced by {@code now} and ending after {@code since}, earliest start first. */
    @Query(
            value =
                    """
            SELECT * FROM maintenance_window WHERE cancelled_at IS NULL AND coalesce(ended_early_at, ends_at) > :since
              AND announce_from <= :now ORDER BY starts_at, id""",
            nativeQuery = true)
    List<MaintenanceWindow> shownBetween(Instant since, Instant now);

    /** Running and upcoming windows first (soonest first), then past and cancelled ones (newest first). */
    @Query(
            value =
                    """
            SELECT * FROM maintenance_window
            ORDER BY (cancelled_at IS NULL AND coalesce(ended_early_at, ends_at) > :now) DESC,
                     CASE WHEN cancelled_at IS NULL AND coalesce(ended_early_at, ends_at) > :now THEN starts_at END ASC,
                     starts_at DESC
            LIMIT 500""",
            nativeQuery = true)
    List<MaintenanceWindow> listed(Instant now);

    /** A window to change, locked until the transaction ends, so a change and its announcement never cross. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT w FROM MaintenanceWindow w WHERE w.id = :id")
    Optional<MaintenanceWindow> lockById(UUID id);

    /** Marks the window's version announced (a sending of it was queued); a bulk update, so it is not an edit and leaves the edit lock alone. */
    @Modifying(flushAutomatically = true)
    @Query(value = "UPDATE maintenance_window SET announced_version = version WHERE id = :id", nativeQuery = true)
    int markAnnounced(UUID id);
}
