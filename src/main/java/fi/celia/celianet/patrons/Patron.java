package fi.celia.celianet.patrons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patron as stored. {@link #toString()} never shows the identity code. */
public record Patron(UUID id, String patronNumber, String identityCode, LocalDate birthDate,
        String noIdentityCodeReason, String firstName, String lastName, String email, String phone,
        String streetAddress, String postalCode, String city, String language, String channel, String eligibility,
        boolean serviceOnline, boolean serviceCdClubs, boolean consent, boolean paperCredentials, String contactName,
        String contactRelation, String contactPhone, String contactEmail, String credentialsTo, String guardianName,
        String guardianPhone, String guardianEmail, boolean guardianConsent, UUID organisationId,
        UUID registeredBy, String registeredByName, Instant registeredAt, String status, Instant closedAt,
        String closedReason, boolean hasPassword) {

    public String name() {
        return firstName + " " + lastName;
    }

    /** The identity code masked ({@code 131052-****}), or null for a patron registered without one. */
    public String maskedIdentityCode() {
        return identityCode == null ? null : identityCode.substring(0, Math.min(7, identityCode.length())) + "****";
    }

    public boolean hasIdentityCode() {
        return identityCode != null;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Where the credentials e-mail goes, or null when it goes on paper or there is no address. */
    public String credentialsRecipient() {
        if (paperCredentials) {
            return null;
        }
        if ("CONTACT".equals(credentialsTo) && contactEmail != null) {
            return contactEmail;
        }
        return email;
    }

    @Override
    public String toString() {
        return "Patron[" + id + " " + patronNumber + "]";
    }
}
