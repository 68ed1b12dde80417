package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.staff.OrganisationType;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApplicationRepository extends JpaRepository<InstitutionApplication, UUID> {

    Optional<InstitutionApplication> findBySubmissionToken(String submissionToken);

    boolean existsBySubmissionToken(String submissionToken);

    Optional<InstitutionApplication> findByTrackingToken(String trackingToken);

    /** The application with its registrars and history, for its page: one query. */
    @EntityGraph(attributePaths = {"registrars", "events"})
    @Query("SELECT a FROM InstitutionApplication a WHERE a.id = :id")
    Optional<InstitutionApplication> findWithHistory(@Param("id") UUID id);

    /** Reads and locks the row until the transaction ends: a second decision waits and then sees the first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT a FROM InstitutionApplication a WHERE a.id = :id")
    Optional<InstitutionApplication> findForUpdate(@Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT a FROM InstitutionApplication a WHERE a.trackingToken = :token")
    Optional<InstitutionApplication> findByTrackingTokenForUpdate(@Param("token") String trackingToken);

    @Query(
            "SELECT count(a) FROM InstitutionApplication a WHERE lower(a.email) = lower(:email) AND a.submittedAt >= :since")
    long countByEmailSince(@Param("email") String email, @Param("since") Instant since);

    @Query("SELECT count(a) FROM InstitutionApplication a WHERE a.clientAddress = :client AND a.submittedAt >= :since")
    long countByClientSince(@Param("client") String clientAddress, @Param("since") Instant since);

    /** The queue: the page's columns only, oldest first; the working-day clock is worked out afterwards. */
    @Query(
            """
            SELECT new fi.celia.celianet.institutions.internal.QueueEntry(a.id, a.reference, a.status, a.organisationName,
                a.organisationType, a.businessId, a.submittedAt, a.assigneeName, a.waitingSince, a.pausedWorkingDays,
                a.decidedAt, 0, false)
            FROM InstitutionApplication a
            WHERE a.status IN :statuses AND (:type IS NULL OR a.organisationType = :type)
                AND (:assigned IS NULL OR (:assigned = TRUE AND a.assigneeId = :me) OR (:assigned = FALSE AND a.assigneeId IS NULL))
            ORDER BY a.submittedAt, a.reference""")
    List<QueueEntry> queue(
            @Param("statuses") Collection<ApplicationStatus> statuses,
            @Param("type") OrganisationType type,
            @Param("assigned") Boolean assignedToMe,
            @Param("me") UUID me,
            Limit limit);

    /** Open applications other than {@code except} with this business ID, oldest first. */
    @Query(
            """
            SELECT a FROM InstitutionApplication a WHERE a.businessId = :businessId AND a.id <> :except
                AND a.status IN :open ORDER BY a.submittedAt""")
    List<InstitutionApplication> openWithBusinessId(
            @Param("businessId") String businessId,
            @Param("except") UUID except,
            @Param("open") Collection<ApplicationStatus> open);

    /** Of these business IDs, those that open applications carry, each with how many carry it. */
    @Query(
            """
            SELECT a.businessId AS businessId, count(a) AS applications FROM InstitutionApplication a
            WHERE a.businessId IN :businessIds AND a.status IN :open GROUP BY a.businessId""")
    List<OpenBusinessId> openAmong(
            @Param("businessIds") Collection<String> businessIds, @Param("open") Collection<ApplicationStatus> open);

    interface OpenBusinessId {
        String getBusinessId();

        long getApplications();
    }

    /** Open applications whose clock runs (not waiting for the applicant), oldest first. */
    @Query("SELECT a FROM InstitutionApplication a WHERE a.status IN :running ORDER BY a.submittedAt, a.reference")
    List<InstitutionApplication> withStatusIn(@Param("running") Collection<ApplicationStatus> running);

    List<InstitutionApplication> findByOrganisationIdOrderBySubmittedAt(UUID organisationId);
}
