/**
 * Maintenance windows, service availability (which services are open now), banners, service notices and
 * the public status API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Maintenance",
        allowedDependencies = {
            "audit",
            "calendar",
            "credentials",
            "credentials :: spi",
            "home :: spi",
            "notifications",
            "shared",
            "staff"
        })
package fi.celia.celianet.maintenance;
