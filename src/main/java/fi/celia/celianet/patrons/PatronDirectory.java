package fi.celia.celianet.patrons;

import fi.celia.celianet.patrons.internal.Patron;
import fi.celia.celianet.patrons.internal.PatronRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** Ids per query, well under PostgreSQL's limit of bind parameters (each chunk is one array parameter). */
    private static final int CHUNK = 10_000;

    private final PatronRepository patrons;

    PatronDirectory(PatronRepository patrons) {
        this.patrons = patrons;
    }

    @Transactional(readOnly = true)
    public Optional<PatronSummary> find(UUID patronId) {
        return patrons.findById(patronId).map(PatronDirectory::summary);
    }

    /** The patrons found among the ids, by id; unknown ids are left out. Used in bulk by production runs. */
    @Transactional(readOnly = true)
    public Map<UUID, PatronSummary> findAll(Collection<UUID> patronIds) {
        List<UUID> all = List.copyOf(patronIds);
        List<Patron> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(patrons.findAllByIdIn(
                    all.subList(from, Math.min(all.size(), from + CHUNK)).toArray(UUID[]::new)));
        }
        return found.stream()
                .map(PatronDirectory::summary)
                .collect(Collectors.toMap(PatronSummary::patronId, Function.identity()));
    }

    private static PatronSummary summary(Patron patron) {
        return new PatronSummary(
                patron.id(),
                patron.patronNumber(),
                patron.name(),
                patron.postalAddress(),
                patron.language(),
                patron.email(),
                patron.active(),
                patron.serviceCdClubs(),
                patron.organisationId());
    }
}
