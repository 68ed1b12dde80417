package fi.celia.celianet.staff.internal;

import java.util.List;
import java.util.UUID;

import fi.celia.celianet.staff.Organisation;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

    List<Organisation> findAllByOrderByNameAsc();

    List<Organisation> findByActiveTrueOrderByNameAsc();

    @Query(value = "SELECT nextval('organisation_customer_number_seq')", nativeQuery = true)
    long nextCustomerNumber();
}
