/**
 * CD book clubs: clubs, shipment calendars, subscriptions with first-delivery estimates, production runs that
 * freeze each shipment's member list, and their exports. Patrons are reached through {@link
 * fi.celia.celianet.bookclubs.SubscriberDirectory}, which the patrons module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Book clubs")
package fi.celia.celianet.bookclubs;
