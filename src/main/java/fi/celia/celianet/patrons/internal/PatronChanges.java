package fi.celia.celianet.patrons.internal;

/** The details staff may change on a patron: contact details, address, services, contact person, guardian. */
public record PatronChanges(String email, String phone, String streetAddress, String postalCode, String city,
        String language, boolean serviceOnline, boolean serviceCdClubs, String contactName, String contactRelation,
        String contactPhone, String contactEmail, String credentialsTo, String guardianName, String guardianPhone,
        String guardianEmail, boolean guardianConsent) {

    /** The values, field by field, as kept in the patron's history. */
    java.util.LinkedHashMap<String, String> values() {
        var values = new java.util.LinkedHashMap<String, String>();
        values.put("email", email);
        values.put("phone", phone);
        values.put("street_address", streetAddress);
        values.put("postal_code", postalCode);
        values.put("city", city);
        values.put("language", language);
        values.put("service_online", String.valueOf(serviceOnline));
        values.put("service_cd_clubs", String.valueOf(serviceCdClubs));
        values.put("contact_name", contactName);
        values.put("contact_relation", contactRelation);
        values.put("contact_phone", contactPhone);
        values.put("contact_email", contactEmail);
        values.put("credentials_to", credentialsTo);
        values.put("guardian_name", guardianName);
        values.put("guardian_phone", guardianPhone);
        values.put("guardian_email", guardianEmail);
        values.put("guardian_consent", String.valueOf(guardianConsent));
        return values;
    }
}
