package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.spi.LinkPageGate;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ServiceAvailability;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code PASSWORD_RESET} closes the public activation and reset link pages of patrons and institution
 * customers, and the entry of patrons' short codes; staff invitation and reset links stay open.
 */
@Component
class PasswordLinkGate implements LinkPageGate {

    private static final Set<TokenPurpose> CLOSABLE = EnumSet.of(
            TokenPurpose.PATRON_ACTIVATION,
            TokenPurpose.PATRON_RESET,
            TokenPurpose.CUSTOMER_ACTIVATION,
            TokenPurpose.CUSTOMER_RESET,
            TokenPurpose.PATRON_CODE);

    private final ServiceAvailability availability;

    PasswordLinkGate(ServiceAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Optional<Refusal> refusal(Set<TokenPurpose> purposes) {
        if (purposes.stream().noneMatch(CLOSABLE::contains)) {
            return Optional.empty();
        }
        return availability
                .closure(ClosableService.PASSWORD_RESET)
                .map(closure -> new Refusal("maintenance/link-closed", Map.of("closure", closure), closure.endsAt()));
    }
}
