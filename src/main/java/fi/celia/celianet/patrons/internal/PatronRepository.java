package fi.celia.celianet.patrons.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The patrons. New patrons are not saved here: the registration inserts them with {@code ON CONFLICT} so that
 * the identity code's unique constraint decides races ({@link RegistrationInserts}).
 */
public interface PatronRepository extends JpaRepository<Patron, UUID> {

    /** The patron with the history, for the patron page: one query. */
    @Query("SELECT p FROM Patron p LEFT JOIN FETCH p.changes WHERE p.id = :id")
    Optional<Patron> findWithChangesById(@Param("id") UUID id);

    /** Through {@link PatronIdentityCodes#find}, which computes the blind index under each index key. */
    Optional<Patron> findByIdentityCodeIndex(byte[] identityCodeIndex);

    Optional<Patron> findByPatronNumber(String patronNumber);

    /** One array parameter however many ids there are (a production run asks for thousands at once). */
    @Query(value = "SELECT * FROM patron WHERE id = ANY(:ids)", nativeQuery = true)
    List<Patron> findAllByIdIn(@Param("ids") UUID[] ids);

    List<Patron> findByOrganisationIdOrderByRegisteredAtDesc(UUID organisationId, Limit limit);

    // The searches fetch one row more than a page, so the caller knows whether a next page exists. Each shape
    // of query is its own statement (organisation or not), so PostgreSQL plans each with its own index: the
    // trigram index on search_name for names, the lower(email) index for addresses.

    // A name matches in the order typed or with the first word moved last: two LIKE patterns, each served by the
    // trigram index (a bitmap OR of two index scans).

    @Query(
            value =
                    """
            SELECT * FROM patron
            WHERE (search_name LIKE :inOrder ESCAPE '\\' OR search_name LIKE :firstWordLast ESCAPE '\\')
                AND status <> 'ERASED'
            ORDER BY last_name, first_name, registered_at DESC LIMIT :limit OFFSET :offset""",
            nativeQuery = true)
    List<Patron> searchByName(
            @Param("inOrder") String inOrder,
            @Param("firstWordLast") String firstWordLast,
            @Param("limit") int limit,
            @Param("offset") int offset);

    @Query(
            value =
                    """
            SELECT * FROM patron
            WHERE (search_name LIKE :inOrder ESCAPE '\\' OR search_name LIKE :firstWordLast ESCAPE '\\')
                AND organisation_id = :org AND status <> 'ERASED'
            ORDER BY last_name, first_name, registered_at DESC LIMIT :limit OFFSET :offset""",
            nativeQuery = true)
    List<Patron> searchByNameIn(
            @Param("org") UUID organisationId,
            @Param("inOrder") String inOrder,
            @Param("firstWordLast") String firstWordLast,
            @Param("limit") int limit,
            @Param("offset") int offset);

    // An identity code's date part with a name: the birth date index finds the day's patrons (up to three dates, one
    // per century the date part may mean), the name filters them.

    @Query(
            value =
                    """
            SELECT * FROM patron
            WHERE birth_date IN (:d1, :d2, :d3)
                AND (search_name LIKE :inOrder ESCAPE '\\' OR search_name LIKE :firstWordLast ESCAPE '\\')
                AND status <> 'ERASED'
            ORDER BY last_name, first_name, registered_at DESC LIMIT :limit OFFSET :offset""",
            nativeQuery = true)
    List<Patron> searchByBirthDateAndName(
            @Param("d1") LocalDate d1,
            @Param("d2") LocalDate d2,
            @Param("d3") LocalDate d3,
            @Param("inOrder") String inOrder,
            @Param("firstWordLast") String firstWordLast,
            @Param("limit") int limit,
            @Param("offset") int offset);

    @Query(
            value =
                    """
            SELECT * FROM patron
            WHERE birth_date IN (:d1, :d2, :d3)
                AND (search_name LIKE :inOrder ESCAPE '\\' OR search_name LIKE :firstWordLast ESCAPE '\\')
                AND organisation_id = :org AND status <> 'ERASED'
            ORDER BY last_name, first_name, registered_at DESC LIMIT :limit OFFSET :offset""",
            nativeQuery = true)
    List<Patron> searchByBirthDateAndNameIn(
            @Param("org") UUID organisationId,
            @Param("d1") LocalDate d1,
            @Param("d2") LocalDate d2,
            @Param("d3") LocalDate d3,
            @Param("inOrder") String inOrder,
            @Param("firstWordLast") String firstWordLast,
            @Param("limit") int limit,
            @Param("offset") int offset);

    @Query(
            value =
                    """
            SELECT * FROM patron WHERE lower(email) = lower(:email) AND status <> 'ERASED'
            ORDER BY last_name, first_name, registered_at DESC LIMIT :limit OFFSET :offset""",
            nativeQuery = true)
    List<Patron> searchByEmail(@Param("email") String email, @Param("limit") int limit, @Param("offset") int offset);

    @Query(
            value =
                    """
            SELECT * FROM patron WHERE lower(email) = lower(:email) AND organisation_id = :org AND status <> 'ERASED'
            ORDER BY last_name, first_name, registered_at DESC LIMIT :limit OFFSET :offset""",
            nativeQuery = true)
    List<Patron> searchByEmailIn(
            @Param("org") UUID organisationId,
            @Param("email") String email,
            @Param("limit") int limit,
            @Param("offset") int offset);

    /**
     * Other patrons with the same name and birth date, or the same e-mail address: possible duplicates. A patron
     * with the very same identity code is not among them: that is a real duplicate, decided by the constraint.
     * {@code index} is the code's blind index under the current index key, null for a patron without a code.
     */
    @Query(
            value =
                    """
            SELECT * FROM patron WHERE status <> 'ERASED'
            AND (CAST(:index AS bytea) IS NULL OR identity_code_index IS NULL
                OR identity_code_index <> CAST(:index AS bytea)) AND (
                (search_name = :searchName AND birth_date = :birthDate)
                OR (CAST(:email AS text) IS NOT NULL AND lower(email) = lower(CAST(:email AS text))))
            ORDER BY registered_at DESC LIMIT 20""",
            nativeQuery = true)
    List<Patron> softDuplicates(
            @Param("index") byte[] identityCodeIndex,
            @Param("searchName") String searchName,
            @Param("birthDate") LocalDate birthDate,
            @Param("email") String email);
}
