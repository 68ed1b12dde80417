package fi.celia.celianet.maintenance;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance windows. Until windows can be scheduled every service is open.
 */
@Service
public class MaintenanceWindows implements ServiceAvailability {

    @Override
    @Transactional(readOnly = true)
    public boolean isOpen(ClosableService service) {
        return closure(service).isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ClosureNotice> closure(ClosableService service) {
        return Optional.empty();
    }
}
