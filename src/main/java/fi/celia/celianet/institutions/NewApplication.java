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
        List<Registrar> registrars) {}
