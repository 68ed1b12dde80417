package fi.celia.celianet.bookclubs;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the book clubs find patrons. The patrons module implements it; without an implementation the
 * application starts, but subscriptions and production runs are refused with a message that says so.
 */
public interface SubscriberDirectory {

    Optional<Subscriber> find(UUID patronId);

    /** The patrons found among the ids, by id; unknown ids are left out. Used in bulk by production runs. */
    Map<UUID, Subscriber> findAll(Collection<UUID> patronIds);
}
