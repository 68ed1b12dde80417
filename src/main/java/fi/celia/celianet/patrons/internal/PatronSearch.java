package fi.celia.celianet.patrons.internal;

import java.util.List;

/**
 * The answer to a search: the patrons the user may open, or for an identity code registered by an
 * organisation whose patrons the user may not see, only who registered it and when.
 *
 * @param problem a message key when the query could not be used (too short, say), else null
 */
public record PatronSearch(
        List<Patron> patrons,
        RegisteredElsewhere registeredElsewhere,
        int page,
        boolean hasNext,
        String problem,
        boolean identityCodeQuery) {

    static PatronSearch problem(String key) {
        return new PatronSearch(List.of(), null, 0, false, key, false);
    }
}
