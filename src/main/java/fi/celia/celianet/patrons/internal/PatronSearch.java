package fi.celia.celianet.patrons.internal;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a search: the patrons the user may open, or for an identity code registered by an
 * organisation whose patrons the user may not see, only who registered it and when.
 *
 * @param problem a message key when the query could not be used (too short, say), else null
 * @param maskedCode for a search by identity code, the code masked ({@code 131052-****}), else null
 * @param elsewhereId the patron behind {@code registeredElsewhere}, kept with the result, never shown
 * @param takeoverGrant when shown again from a kept search: the single-use grant a take-over names, else null
 * @param unavailable when shown again from a kept search: how many of the patrons found then the user may no longer
 *     open (moved to another organisation, erased)
 */
public record PatronSearch(
        List<Patron> patrons,
        RegisteredElsewhere registeredElsewhere,
        int page,
        boolean hasNext,
        String problem,
        String maskedCode,
        UUID elsewhereId,
        UUID takeoverGrant,
        int unavailable) {

    static PatronSearch problem(String key) {
        return new PatronSearch(List.of(), null, 0, false, key, null, null, null, 0);
    }

    static PatronSearch found(List<Patron> patrons, int page, boolean hasNext) {
        return new PatronSearch(patrons, null, page, hasNext, null, null, null, null, 0);
    }

    public boolean identityCodeQuery() {
        return maskedCode != null;
    }
}
