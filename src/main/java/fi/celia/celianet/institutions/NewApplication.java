package fi.celia.celianet.institutions;

import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationType;
import java.util.List;

/** A validated application from the public form. {@code businessId} is null only for type OTHER with a reason. */
public record NewApplication(
        String submissionToken,
        String organisationName,
        OrganisationType type,
        String businessId,
        String noBusinessIdReason,
        String contactName,
        String email,
        String phone,
        PostalAddress address,
        String message,
        String language,
        String clientAddress,
        List<Registrar> registrars) {

    /** Registrars are named only for a library or a school: no other type is ever promised invitations. */
    public NewApplication {
        registrars = registrars == null ? List.of() : List.copyOf(registrars);
        if (!registrars.isEmpty() && (type == null || !type.registersOwnPatrons())) {
            throw new IllegalArgumentException("Registrars named for an organisation of type " + type);
        }
    }
}
