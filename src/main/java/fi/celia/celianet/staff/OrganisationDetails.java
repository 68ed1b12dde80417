package fi.celia.celianet.staff;

/** What an organisation record says about itself; used to create and to edit one. */
public record OrganisationDetails(
        String name,
        OrganisationType type,
        String businessId,
        String email,
        String phone,
        String streetAddress,
        String postalCode,
        String city,
        String language) {}
