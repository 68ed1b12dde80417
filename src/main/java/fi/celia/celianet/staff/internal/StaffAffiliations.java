package fi.celia.celianet.staff.internal;

import fi.celia.celianet.audit.spi.ActorAffiliations;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in staff member's affiliation for the audit trail: service staff and administrators act for the
 * service, everyone else for their own organisation. Only the signed-in member: a name typed at the sign-in page,
 * an applicant or a patron setting a password has none.
 */
@Component
class StaffAffiliations implements ActorAffiliations {

    @Override
    public Optional<Affiliation> of(String actor) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof StaffPrincipal user)
                || !user.username().equals(actor)) {
            return Optional.empty();
        }
        return Optional.of(
                user.isServiceStaff() ? Affiliation.ofService() : Affiliation.ofOrganisation(user.organisationId()));
    }
}
