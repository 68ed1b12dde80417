package fi.celia.celianet.patrons;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patrons as other modules may see them: name, postal address, language, services, organisation. */
@Service
public class PatronDirectory {

    private final PatronStore store;

    PatronDirectory(PatronStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Optional<PatronSummary> find(UUID patronId) {
        return store.find(patronId).map(PatronDirectory::summary);
    }

    /** The patrons found among the ids, by id; unknown ids are left out. Used in bulk by production runs. */
    @Transactional(readOnly = true)
    public Map<UUID, PatronSummary> findAll(Collection<UUID> patronIds) {
        return store.findAll(patronIds).stream().map(PatronDirectory::summary)
                .collect(Collectors.toMap(PatronSummary::patronId, Function.identity()));
    }

    private static PatronSummary summary(Patron patron) {
        boolean hasAddress = patron.streetAddress() != null || patron.postalCode() != null || patron.city() != null;
        return new PatronSummary(patron.id(), patron.patronNumber(), patron.name(),
                hasAddress ? new PostalAddress(patron.streetAddress(), patron.postalCode(), patron.city()) : null,
                patron.language(), patron.email(), patron.active(), patron.serviceCdClubs(), patron.organisationId());
    }
}
