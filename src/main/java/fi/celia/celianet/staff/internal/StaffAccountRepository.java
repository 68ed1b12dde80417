package fi.celia.celianet.staff.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fi.celia.celianet.staff.StaffAccount;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffAccountRepository extends JpaRepository<StaffAccount, UUID> {

    Optional<StaffAccount> findByUsername(String username);

    Optional<StaffAccount> findFirstByEmailIgnoreCaseAndActiveTrue(String email);

    List<StaffAccount> findAllByOrderByUsernameAsc();

    List<StaffAccount> findByOrganisationIdOrderByUsernameAsc(UUID organisationId);

    boolean existsByUsername(String username);
}
