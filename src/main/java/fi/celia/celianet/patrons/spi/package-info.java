/**
 * What other modules implement to take part in the patrons module's work: sections of the patron page.
 */
@org.springframework.modulith.NamedInterface("spi")
package fi.celia.celianet.patrons.spi;
