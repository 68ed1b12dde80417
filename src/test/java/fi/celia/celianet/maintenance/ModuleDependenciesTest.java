package fi.celia.celianet.maintenance;

import fi.celia.celianet.CelianetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Maintenance is used by credentials (through its link gate) and by patrons; it must not close a cycle. */
class ModuleDependenciesTest {

    @Test
    void theModulesHaveNoCyclesAndUseOnlyEachOthersFaces() {
        ApplicationModules.of(CelianetApplication.class).verify();
    }
}
