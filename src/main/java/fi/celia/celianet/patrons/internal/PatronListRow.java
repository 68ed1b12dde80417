package fi.celia.celianet.patrons.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One patron on the list: what the list shows and exports, never the identity code.
 *
 * @param credentialsState a {@link CredentialsState} name, or {@link PatronListQuery#NO_CREDENTIALS}
 */
public record PatronListRow(
        UUID id,
        String patronNumber,
        String firstName,
        String lastName,
        Instant registeredAt,
        String status,
        String credentialsState,
        boolean serviceOnline,
        boolean serviceCdClubs) {

    /** Last name first, as a list sorted by name reads; an erased patron's marker alone. */
    public String name() {
        if (Patron.ERASED.equals(status)) {
            return Patron.ERASED_MARKER;
        }
        return lastName + ", " + firstName;
    }

    /** The services the patron has, in the order of {@link PatronListQuery.Service}. */
    public List<PatronListQuery.Service> services() {
        List<PatronListQuery.Service> services = new ArrayList<>();
        if (serviceOnline) {
            services.add(PatronListQuery.Service.ONLINE);
        }
        if (serviceCdClubs) {
            services.add(PatronListQuery.Service.CD_CLUBS);
        }
        return services;
    }
}
