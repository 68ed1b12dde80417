package fi.celia.celianet.patrons;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fi.celia.celianet.bookclubs.PostalAddress;
import fi.celia.celianet.bookclubs.Subscriber;
import fi.celia.celianet.bookclubs.SubscriberDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The patrons as the book clubs see them: name, postal address, language, services, organisation. */
@Component
class PatronSubscriberDirectory implements SubscriberDirectory {

    private final PatronStore store;

    PatronSubscriberDirectory(PatronStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Subscriber> find(UUID patronId) {
        return store.find(patronId).map(PatronSubscriberDirectory::subscriber);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Subscriber> findAll(Collection<UUID> patronIds) {
        return store.findAll(patronIds).stream().map(PatronSubscriberDirectory::subscriber)
                .collect(Collectors.toMap(Subscriber::patronId, Function.identity()));
    }

    private static Subscriber subscriber(Patron patron) {
        boolean hasAddress = patron.streetAddress() != null || patron.postalCode() != null || patron.city() != null;
        return new Subscriber(patron.id(), patron.patronNumber(), patron.name(),
                hasAddress ? new PostalAddress(patron.streetAddress(), patron.postalCode(), patron.city()) : null,
                patron.language(), patron.email(), patron.active(), patron.serviceCdClubs(), patron.organisationId());
    }
}
