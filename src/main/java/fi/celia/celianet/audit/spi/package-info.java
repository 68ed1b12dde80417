/**
 * What other modules implement to take part in the audit trail.
 */
@org.springframework.modulith.NamedInterface("spi")
package fi.celia.celianet.audit.spi;
