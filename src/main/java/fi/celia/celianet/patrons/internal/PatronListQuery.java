package fi.celia.celianet.patrons.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the patron list shows: one organisation's patrons, narrowed by the filters given (each null for none),
 * in one order.
 *
 * @param registeredFrom first day of registration, Helsinki time, inclusive
 * @param registeredTo last day of registration, Helsinki time, inclusive
 * @param credentials a {@link CredentialsState} name, or {@link #NO_CREDENTIALS} for patrons whose credentials
 *     go nowhere (by e-mail, with no address)
 */
public record PatronListQuery(
        UUID organisationId,
        LocalDate registeredFrom,
        LocalDate registeredTo,
        Status status,
        String credentials,
        Service service,
        Sort sort) {

    /** The credentials filter for patrons whose credentials are on their way nowhere. */
    public static final String NO_CREDENTIALS = "NONE";

    public PatronListQuery {
        if (organisationId == null) {
            throw new IllegalArgumentException("the list is of one organisation");
        }
        if (credentials != null && !credentialsChoices().contains(credentials)) {
            throw new IllegalArgumentException("no such credentials state: " + credentials);
        }
        sort = sort == null ? Sort.NAME : sort;
    }

    /** The patron statuses, as {@link Patron#status()} holds them. */
    public enum Status {
        ACTIVE,
        CLOSED,
        ERASED
    }

    /** The services a patron may have. */
    public enum Service {
        ONLINE,
        CD_CLUBS
    }

    public enum Sort {
        NAME,
        NAME_DESC,
        REGISTERED,
        REGISTERED_DESC
    }

    /** The values of the credentials filter: every {@link CredentialsState}, then {@link #NO_CREDENTIALS}. */
    public static List<String> credentialsChoices() {
        List<String> choices = new ArrayList<>();
        for (CredentialsState state : CredentialsState.values()) {
            choices.add(state.name());
        }
        choices.add(NO_CREDENTIALS);
        return choices;
    }

    /** The filters as the audit trail records them: no names, no codes, only what was asked. */
    String summary() {
        return "from=" + (registeredFrom == null ? "" : registeredFrom)
                + " to=" + (registeredTo == null ? "" : registeredTo)
                + " status=" + (status == null ? "" : status)
                + " credentials=" + (credentials == null ? "" : credentials)
                + " service=" + (service == null ? "" : service)
                + " sort=" + sort;
    }
}
