/**
 * Organisations (the community customers), staff accounts, roles, sign-in, lockout and the security
 * configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package fi.celia.celianet.staff;
