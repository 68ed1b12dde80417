/**
 * The audit trail of security events, administrative changes and access to personal data.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"calendar"})
package fi.celia.celianet.audit;
