package fi.celia.celianet.staff.internal;

import fi.celia.celianet.staff.StaffAccount;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StaffAccountRepository extends JpaRepository<StaffAccount, UUID> {

    Optional<StaffAccount> findByUsername(String username);

    /** Locks the account's row until the end of the transaction. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT a FROM StaffAccount a WHERE a.id = :id")
    Optional<StaffAccount> lockById(UUID id);

    Optional<StaffAccount> findFirstByEmailIgnoreCaseAndActiveTrue(String email);

    List<StaffAccount> findAllByOrderByUsernameAsc();

    List<StaffAccount> findByOrganisationIdOrderByUsernameAsc(UUID organisationId);

    boolean existsByUsername(String username);
}
