package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.PostalAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The details staff may change on a patron: contact details, address, services, contact person, guardian.
 *
 * @param postalAddress null when the patron has no address
 */
public record PatronChanges(
        String email,
        String phone,
        PostalAddress postalAddress,
        String language,
        boolean serviceOnline,
        boolean serviceCdClubs,
        String contactName,
        String contactRelation,
        String contactPhone,
        String contactEmail,
        String credentialsTo,
        String credentialsBy,
        String guardianName,
        String guardianPhone,
        String guardianEmail,
        boolean guardianConsent)
        implements PatronDetails {

    /** The fields of {@link #values()}, in order: what an edit can record in the history. */
    static final List<String> FIELDS = List.copyOf(new PatronChanges(
                    null, null, null, null, false, false, null, null, null, null, null, null, null, null, null, false)
            .values()
            .keySet());

    public PatronChanges {
        if (postalAddress != null) {
            postalAddress = PostalAddress.of(postalAddress.street(), postalAddress.postalCode(), postalAddress.city());
        }
    }

    /**
     * Everything that keeps these details from being saved on the patron, each on the form field it concerns;
     * empty when they can be saved. The patron's own facts count: the printed letter is handed over only to a
     * patron registered in person, and a patron under 15 (by the birth date on record) needs a guardian.
     */
    public List<FieldProblem> validate(Patron patron, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        PatronRules.requireService(this, problems);
        problems.addAll(PatronRules.check(this, patron.channel(), patron.birthDate(), today));
        return problems;
    }

    /** The values, field by field, as kept in the patron's history. */
    LinkedHashMap<String, String> values() {
        var values = new LinkedHashMap<String, String>();
        values.put("email", email);
        values.put("phone", phone);
        values.put("street_address", PostalAddress.streetOf(postalAddress));
        values.put("postal_code", PostalAddress.postalCodeOf(postalAddress));
        values.put("city", PostalAddress.cityOf(postalAddress));
        values.put("language", language);
        values.put("service_online", String.valueOf(serviceOnline));
        values.put("service_cd_clubs", String.valueOf(serviceCdClubs));
        values.put("contact_name", contactName);
        values.put("contact_relation", contactRelation);
        values.put("contact_phone", contactPhone);
        values.put("contact_email", contactEmail);
        values.put("credentials_to", credentialsTo);
        values.put("credentials_by", credentialsBy);
        values.put("guardian_name", guardianName);
        values.put("guardian_phone", guardianPhone);
        values.put("guardian_email", guardianEmail);
        values.put("guardian_consent", String.valueOf(guardianConsent));
        return values;
    }
}
