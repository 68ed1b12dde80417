package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.shared.ListCursor;
import fi.celia.celianet.shared.ListPage;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The community customers as service staff see them: searchable, with registrars and application history. */
@Service
public class InstitutionCustomers {

    private final Organisations organisations;
    private final StaffAccounts staffAccounts;
    private final CustomerAccounts customerAccounts;
    private final ApplicationRepository applications;

    InstitutionCustomers(
            Organisations organisations,
            StaffAccounts staffAccounts,
            CustomerAccounts customerAccounts,
            ApplicationRepository applications) {
        this.organisations = organisations;
        this.staffAccounts = staffAccounts;
        this.customerAccounts = customerAccounts;
        this.applications = applications;
    }

    /**
     * A page of the customers by name, then id, from the cursor (empty: the first page): those whose name, customer
     * number, business ID or city contains {@code query}, whatever the case; every customer without one. Searched in
     * the database, through its trigram index.
     */
    @Transactional(readOnly = true)
    public ListPage<Organisation> search(String query, Optional<ListCursor> cursor, int size) {
        return organisations.list(query, cursor, size);
    }

    @Transactional(readOnly = true)
    public Customer get(UUID id) {
        Organisation organisation = organisations.find(id).orElseThrow(NotFoundException::new);
        List<ApplicationSummary> summaries = applications.findByOrganisationIdOrderBySubmittedAt(id).stream()
                .map(InstitutionCustomers::summary)
                .toList();
        return new Customer(organisation, customerAccounts.stateOf(id), staffAccounts.ofOrganisation(id), summaries);
    }

    private static ApplicationSummary summary(InstitutionApplication a) {
        return new ApplicationSummary(
                a.getId(), a.getReference(), a.getStatus(), a.getSubmittedAt(), a.getDecidedAt(), a.getDecidedBy());
    }

    public record Customer(
            Organisation organisation,
            Optional<CustomerAccounts.AccountState> customerAccount,
            List<StaffAccount> registrars,
            List<ApplicationSummary> applications) {}

    public record ApplicationSummary(
            UUID id,
            String reference,
            ApplicationStatus status,
            Instant submittedAt,
            Instant decidedAt,
            String decidedBy) {}
}
