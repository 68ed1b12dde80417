/**
 * CD book clubs: clubs, shipment calendars, subscriptions with first-delivery estimates, production runs that
 * freeze each shipment's member list, and their exports. Patrons are found through the patrons module's
 * {@code PatronDirectory}; the club section of the patron page is contributed as a {@code PatronPageSection}, and the
 * patron's club history to their data report as a {@code PatronDataReportSection}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Book clubs",
        allowedDependencies = {"audit", "calendar", "notifications", "patrons", "patrons :: spi", "shared", "staff"})
package fi.celia.celianet.bookclubs;
