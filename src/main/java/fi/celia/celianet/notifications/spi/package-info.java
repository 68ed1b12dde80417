/**
 * What other modules implement to take part in the notifications module's work.
 */
@org.springframework.modulith.NamedInterface("spi")
package fi.celia.celianet.notifications.spi;
