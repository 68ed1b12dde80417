/**
 * The mail outbox: templated mail in fi/sv/en, delivery with retry and backoff, the sent-mail log.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"credentials", "shared"})
package fi.celia.celianet.notifications;
