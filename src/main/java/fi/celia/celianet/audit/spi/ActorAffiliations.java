package fi.celia.celianet.audit.spi;

import java.util.Optional;
import java.util.UUID;

/**
 * Whom the actor of a record being written acts for: the staff module knows who is signed in. A record keeps it,
 * so what a person did is shown with the organisation they belonged to then.
 */
public interface ActorAffiliations {

    /** The signed-in staff member's affiliation when {@code actor} is that staff member; empty for anyone else. */
    Optional<Affiliation> of(String actor);

    /**
     * @param organisationId the organisation of a library's or a school's own staff member; null for the service
     * @param service the service's own staff and administrators
     */
    record Affiliation(UUID organisationId, boolean service) {

        public static Affiliation ofService() {
            return new Affiliation(null, true);
        }

        public static Affiliation ofOrganisation(UUID organisationId) {
            return new Affiliation(organisationId, false);
        }
    }
}
