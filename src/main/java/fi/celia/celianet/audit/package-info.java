/**
 * The audit trail of security events, administrative changes and access to personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package fi.celia.celianet.audit;
