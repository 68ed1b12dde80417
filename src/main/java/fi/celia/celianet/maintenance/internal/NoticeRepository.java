package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.maintenance.ServiceNotice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Service notices. */
public interface NoticeRepository extends JpaRepository<ServiceNotice, UUID> {

    /** Notices published at {@code now}: Q&A sessions to come first (soonest first), then the newest others. */
    @Query(
            value =
                    """
            SELECT * FROM service_notice
            WHERE publish_from <= :now AND (publish_until IS NULL OR publish_until > :now)
            ORDER BY (kind = 'QA_SESSION' AND session_starts_at > :now) DESC,
                     CASE WHEN kind = 'QA_SESSION' AND session_starts_at > :now THEN session_starts_at END ASC,
                     publish_from DESC
            LIMIT :limit""",
            nativeQuery = true)
    List<ServiceNotice> published(Instant now, int limit);

    /** The next published Q&A session that has not begun. */
    @Query(
            value =
                    """
            SELECT * FROM service_notice
            WHERE kind = 'QA_SESSION' AND session_starts_at > :now
              AND publish_from <= :now AND (publish_until IS NULL OR publish_until > :now)
            ORDER BY session_starts_at LIMIT 1""",
            nativeQuery = true)
    Optional<ServiceNotice> nextSession(Instant now);

    List<ServiceNotice> findTop500ByOrderByPublishFromDesc();
}
