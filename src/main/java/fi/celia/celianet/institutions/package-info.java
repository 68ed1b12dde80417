/**
 * The public sign-up form for institutions, application tracking, the staff approval queue with its
 * working-day target, and the institutions' own customer accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Institutions")
package fi.celia.celianet.institutions;
