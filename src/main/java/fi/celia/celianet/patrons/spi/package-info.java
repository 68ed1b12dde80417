/**
 * What other modules implement to take part in the patrons module's work: sections of the patron page and of the
 * patron's data report.
 */
@org.springframework.modulith.NamedInterface("spi")
package fi.celia.celianet.patrons.spi;
