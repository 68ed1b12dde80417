/**
 * What other modules implement to take part in the home module's work.
 */
@org.springframework.modulith.NamedInterface("spi")
package fi.celia.celianet.home.spi;
