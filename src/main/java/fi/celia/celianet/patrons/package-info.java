/**
 * Patron registration, the personal identity code, search, the patron page and staff-initiated password
 * reset.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Patrons",
        allowedDependencies = {
            "audit",
            "calendar",
            "credentials",
            "credentials :: spi",
            "home :: spi",
            "maintenance",
            "notifications",
            "notifications :: spi",
            "sealing",
            "shared",
            "staff"
        })
package fi.celia.celianet.patrons;
