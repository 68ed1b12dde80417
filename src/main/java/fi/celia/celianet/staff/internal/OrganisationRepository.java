package fi.celia.celianet.staff.internal;

import fi.celia.celianet.staff.Organisation;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

    List<Organisation> findByActiveTrueOrderByNameAsc();

    List<Organisation> findByBusinessId(String businessId);

    @Query("SELECT DISTINCT o.businessId FROM Organisation o WHERE o.businessId IN :businessIds")
    List<String> businessIdsAmong(Collection<String> businessIds);

    @Query(value = "SELECT nextval('organisation_customer_number_seq')", nativeQuery = true)
    long nextCustomerNumber();
}
