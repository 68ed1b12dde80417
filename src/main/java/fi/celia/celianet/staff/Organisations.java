package fi.celia.celianet.staff;

import fi.celia.celianet.audit.AuditEvent;
import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.shared.ListCursor;
import fi.celia.celianet.shared.ListPage;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.internal.ListPages;
import fi.celia.celianet.staff.internal.ListPages.Listing;
import fi.celia.celianet.staff.internal.OrganisationRepository;
import fi.celia.celianet.staff.internal.StaffAccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Organisations {

    /** By name whatever its case, then id (the index organisation_name_id_ix); searched by trigrams. */
    private static final Listing LISTING =
            new Listing("organisation", "lower(name)", List.of("name", "customer_number", "business_id", "city"));

    private final OrganisationRepository organisations;
    private final StaffAccountRepository accounts;
    private final StaffAccounts staffAccounts;
    private final AuditLog audit;
    private final Clock clock;
    // JdbcClient for single-column reads (a name, a flag) that every page asks for; the aggregate itself is JPA.
    private final JdbcClient jdbc;
    private final ListPages pages;

    Organisations(
            OrganisationRepository organisations,
            StaffAccountRepository accounts,
            StaffAccounts staffAccounts,
            AuditLog audit,
            Clock clock,
            JdbcClient jdbc,
            ListPages pages) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.staffAccounts = staffAccounts;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.pages = pages;
    }

    @Transactional
    public Organisation create(OrganisationDetails details, String actor) {
        Instant now = Instant.now(clock);
        var organisation = new Organisation(UUID.randomUUID(), "A" + organisations.nextCustomerNumber(), now);
        organisation.update(details, now);
        organisations.save(organisation);
        audit.success(actor, AuditEvent.ORGANISATION_CREATED, "ORGANISATION", organisation.getId(), details.name());
        return organisation;
    }

    @Transactional
    public Organisation update(UUID id, OrganisationDetails details, String actor) {
        Organisation organisation = organisations.findById(id).orElseThrow(NotFoundException::new);
        organisation.update(details, Instant.now(clock));
        audit.success(actor, AuditEvent.ORGANISATION_UPDATED, "ORGANISATION", id, details.name());
        return organisation;
    }

    /** Deactivates the organisation and every account in it, ending their sessions. */
    @Transactional
    public void deactivate(UUID id, String actor) {
        Organisation organisation = organisations.findById(id).orElseThrow(NotFoundException::new);
        organisation.deactivate(Instant.now(clock));
        accounts.findByOrganisationIdOrderByUsernameAsc(id).stream()
                .filter(StaffAccount::isActive)
                .forEach(account -> staffAccounts.deactivate(account.getId(), actor));
        audit.success(actor, AuditEvent.ORGANISATION_DEACTIVATED, "ORGANISATION", id, null);
    }

    @Transactional
    public void activate(UUID id, String actor) {
        organisations.findById(id).orElseThrow(NotFoundException::new).activate(Instant.now(clock));
        audit.success(actor, AuditEvent.ORGANISATION_ACTIVATED, "ORGANISATION", id, null);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(UUID id) {
        return id == null ? Optional.empty() : organisations.findById(id);
    }

    /**
     * A page of the organisations by name (whatever its case), then id, from the cursor (empty: the first page); with
     * {@code text}, only those with it in the name, customer number, business ID or city, whatever the case (a % or _
     * is itself).
     */
    @Transactional(readOnly = true)
    public ListPage<Organisation> list(String text, Optional<ListCursor> cursor, int size) {
        return pages.read(Organisation.class, LISTING, text, cursor, size);
    }

    @Transactional(readOnly = true)
    public List<Organisation> active() {
        return organisations.findByActiveTrueOrderByNameAsc();
    }

    /** The names of the given organisations, by id: one query, however many. */
    @Transactional(readOnly = true)
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return names;
        }
        // Two columns read directly: a patron's page asks for the names in its history on every view, and loading
        // the entities for them was a sixth of the page's time in the profile.
        jdbc.sql("SELECT id, name FROM organisation WHERE id IN (:ids)")
                .param("ids", wanted)
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    /** Asked on most pages: one column read directly, without loading the entity. */
    public String nameOf(UUID id) {
        return id == null
                ? ""
                : jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .optional()
                        .orElse("");
    }

    /** Asked on every registration, the same way as {@link #nameOf(UUID)}. */
    public boolean isActive(UUID id) {
        return id != null
                && jdbc.sql("SELECT active FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .optional()
                        .orElse(false);
    }

    /** The organisations with this business ID. */
    @Transactional(readOnly = true)
    public List<Organisation> withBusinessId(String businessId) {
        return businessId == null ? List.of() : organisations.findByBusinessId(businessId);
    }

    /** Which of these business IDs an organisation has: one query, however many. */
    @Transactional(readOnly = true)
    public Set<String> businessIdsAmong(Collection<String> businessIds) {
        return businessIds.isEmpty() ? Set.of() : Set.copyOf(organisations.businessIdsAmong(businessIds));
    }
}
