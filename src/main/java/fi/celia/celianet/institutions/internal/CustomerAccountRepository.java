package fi.celia.celianet.institutions.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerAccountRepository extends JpaRepository<CustomerAccount, UUID> {

    Optional<CustomerAccount> findByIdAndActiveTrue(UUID id);

    Optional<CustomerAccount> findByOrganisationId(UUID organisationId);

    /** The account under a row lock, so that rate-limited requests for it are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT c FROM CustomerAccount c WHERE c.id = :id")
    Optional<CustomerAccount> lockById(@Param("id") UUID id);

    Optional<CustomerAccount> findByUsernameAndActiveTrue(String username);

    List<CustomerAccount> findByEmailIgnoreCaseAndActiveTrue(String email);
}
