/**
 * Patron registration, the personal identity code, search, the patron page and staff-initiated password
 * reset.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patrons")
package fi.celia.celianet.patrons;
