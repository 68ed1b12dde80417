/**
 * Organisations (the community customers), staff accounts, roles, sign-in, lockout and the security
 * configuration.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Staff",
        allowedDependencies = {
            "audit",
            "audit :: spi",
            "credentials",
            "credentials :: spi",
            "notifications",
            "notifications :: spi",
            "sealing",
            "shared"
        })
package fi.celia.celianet.staff;
