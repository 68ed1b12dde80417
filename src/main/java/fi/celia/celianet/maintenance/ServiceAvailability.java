package fi.celia.celianet.maintenance;

import java.util.Optional;

/**
 * Which services are open now. The services check it themselves, inside the transaction that would write,
 * so a submission one second after a window starts is refused whatever the page showed.
 */
public interface ServiceAvailability {

    boolean isOpen(ClosableService service);

    /** The window closing the service now, if any. */
    Optional<ClosureNotice> closure(ClosableService service);

    /** @throws ServiceClosedException while a window closes the service */
    default void require(ClosableService service) {
        closure(service).ifPresent(notice -> {
            throw new ServiceClosedException(notice);
        });
    }
}
