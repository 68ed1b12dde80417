package fi.celia.celianet.patrons;

import fi.celia.celianet.CelianetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The patrons module talks to the others only through their public faces, with no cycles. */
class PatronsModuleTest {

    @Test
    void theModulesAreWellFormed() {
        ApplicationModules.of(CelianetApplication.class).verify();
    }
}
