/**
 * What other modules implement to take part in the credentials module's work.
 */
@org.springframework.modulith.NamedInterface("spi")
package fi.celia.celianet.credentials.spi;
