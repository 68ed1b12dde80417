package fi.celia.celianet.patrons.internal;

import java.time.LocalDate;
import java.util.UUID;

import fi.celia.celianet.patrons.PersonalIdentityCode;

/**
 * A checked registration, ready to save. {@code identityCode} is null only for a person without a Finnish
 * identity code (service staff only), who then has {@code birthDate} and {@code noIdentityCodeReason}.
 */
public record NewPatron(PersonalIdentityCode identityCode, LocalDate birthDate, String noIdentityCodeReason,
        String firstName, String lastName, String email, String phone, String streetAddress, String postalCode,
        String city, String language, String channel, String eligibility, boolean consent, boolean serviceOnline,
        boolean serviceCdClubs, boolean paperCredentials, String contactName, String contactRelation,
        String contactPhone, String contactEmail, String credentialsTo, String guardianName, String guardianPhone,
        String guardianEmail, boolean guardianConsent, UUID organisationId) {

    /** The birth date from the identity code, or the one given for a person without a code. */
    public LocalDate effectiveBirthDate() {
        return identityCode != null ? identityCode.birthDate() : birthDate;
    }

    /** What makes two submissions "the same data" (the identity code included, so this is never logged). */
    String fingerprintText() {
        return String.join("\u001f", identityCode == null ? "" : identityCode.value(), String.valueOf(birthDate),
                s(noIdentityCodeReason), s(firstName), s(lastName), s(email), s(phone), s(streetAddress),
                s(postalCode), s(city), s(language), s(channel), s(eligibility), String.valueOf(consent),
                String.valueOf(serviceOnline), String.valueOf(serviceCdClubs), String.valueOf(paperCredentials),
                s(contactName), s(contactRelation), s(contactPhone), s(contactEmail), s(credentialsTo),
                s(guardianName), s(guardianPhone), s(guardianEmail), String.valueOf(guardianConsent),
                String.valueOf(organisationId));
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }

    /** Masks the identity code, so that a stray log line cannot carry it. */
    @Override
    public String toString() {
        return "NewPatron[" + (identityCode == null ? "no code" : identityCode.masked()) + "]";
    }
}
