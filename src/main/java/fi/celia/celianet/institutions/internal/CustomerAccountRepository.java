package fi.celia.celianet.institutions.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerAccountRepository extends JpaRepository<CustomerAccount, UUID> {

    @Query("SELECT c.username FROM CustomerAccount c WHERE c.organisationId = :organisationId")
    Optional<String> usernameOf(@Param("organisationId") UUID organisationId);

    Optional<CustomerAccount> findByIdAndActiveTrue(UUID id);
}
