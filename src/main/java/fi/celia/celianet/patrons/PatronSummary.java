package fi.celia.celianet.patrons;

import fi.celia.celianet.shared.PostalAddress;
import java.util.UUID;

/**
 * A patron as other modules see one (the book clubs' subscribers, say): no identity code, no entitlement.
 *
 * @param postalAddress  null when the patron has none
 * @param language       fi, sv or en
 * @param email          null when the patron has none
 * @param cdClubsService whether the patron has the CD_CLUBS service
 * @param organisationId the organisation the patron belongs to (registrars see their own organisation's patrons)
 */
public record PatronSummary(
        UUID patronId,
        String patronNumber,
        String name,
        PostalAddress postalAddress,
        String language,
        String email,
        boolean active,
        boolean cdClubsService,
        UUID organisationId) {

    public boolean hasPostalAddress() {
        return postalAddress != null && postalAddress.isComplete();
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
