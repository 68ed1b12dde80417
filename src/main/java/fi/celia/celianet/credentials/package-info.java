/**
 * Single-use activation, invitation and reset tokens, the set-password pages and the password policy,
 * for staff, patrons and institution customers alike.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Credentials",
        allowedDependencies = {"audit", "shared"})
package fi.celia.celianet.credentials;
