/**
 * The public sign-up form for institutions, application tracking, the staff approval queue with its
 * working-day target, and the institutions' own customer accounts.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Institutions",
        allowedDependencies = {
            "audit",
            "calendar",
            "credentials",
            "credentials :: spi",
            "home :: spi",
            "maintenance",
            "notifications",
            "notifications :: spi",
            "shared",
            "staff"
        })
package fi.celia.celianet.institutions;
