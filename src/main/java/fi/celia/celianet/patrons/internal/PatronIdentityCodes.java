package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.sealing.DataSealing;
import jakarta.persistence.PostLoad;
import org.springframework.stereotype.Component;

/**
 * Opens a patron's sealed identity code when Hibernate loads the patron (the entity's listener, made by Spring so
 * that it has the data keys).
 */
@Component
class PatronIdentityCodes {

    private final DataSealing sealing;

    PatronIdentityCodes(DataSealing sealing) {
        this.sealing = sealing;
    }

    @PostLoad
    void open(Patron patron) {
        patron.openIdentityCode(sealing);
    }
}
