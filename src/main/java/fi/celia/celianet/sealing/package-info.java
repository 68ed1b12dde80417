/**
 * The data keys and what is sealed with them: values encrypted at rest with AES-256-GCM, blind indexes (keyed
 * HMAC-SHA256) that find them without opening them, and the {@code rotate-keys} command that re-seals every value
 * under the current keys.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Data keys and sealing",
        allowedDependencies = {})
package fi.celia.celianet.sealing;
