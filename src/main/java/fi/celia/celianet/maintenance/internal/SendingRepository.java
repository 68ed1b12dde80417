package fi.celia.celianet.maintenance.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Announcement sendings of maintenance windows. */
public interface SendingRepository extends JpaRepository<AnnouncementSending, UUID> {

    @Query("SELECT s FROM AnnouncementSending s WHERE s.windowId = :windowId ORDER BY s.createdAt")
    List<AnnouncementSending> ofWindow(UUID windowId);

    /** The window of a sending, read without loading (or locking) the sending. */
    @Query(value = "SELECT window_id FROM announcement_sending WHERE id = :id", nativeQuery = true)
    Optional<UUID> windowOf(UUID id);

    /** A sending to queue, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT s FROM AnnouncementSending s WHERE s.id = :id")
    Optional<AnnouncementSending> lockById(UUID id);

    /** Scheduled sendings due now whose window is neither cancelled nor over, earliest first. */
    @Query(
            value =
                    """
            SELECT s.id FROM announcement_sending s JOIN maintenance_window w ON w.id = s.window_id
            WHERE s.queued_at IS NULL AND s.scheduled_for <= :now
              AND w.cancelled_at IS NULL AND coalesce(w.ended_early_at, w.ends_at) > :now
            ORDER BY s.scheduled_for, s.created_at""",
            nativeQuery = true)
    List<UUID> due(Instant now);

    /** Scheduled sendings not yet queued follow the window's announce-from time when it moves. */
    @Modifying(flushAutomatically = true)
    @Query(
            value =
                    """
            UPDATE announcement_sending SET scheduled_for = :announceFrom
            WHERE window_id = :windowId AND queued_at IS NULL AND scheduled_for IS NOT NULL""",
            nativeQuery = true)
    int reschedule(UUID windowId, Instant announceFrom);
}
