package fi.celia.celianet.staff;

import fi.celia.celianet.shared.PostalAddress;

/** What an organisation record says about itself; used to create and to edit one. */
public record OrganisationDetails(
        String name,
        OrganisationType type,
        String businessId,
        String email,
        String phone,
        PostalAddress address,
        String language) {}
