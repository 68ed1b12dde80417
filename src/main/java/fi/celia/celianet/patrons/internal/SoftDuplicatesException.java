package fi.celia.celianet.patrons.internal;

import java.util.List;

/**
 * Other patrons may be the same person (same name and birth date under another code, or the same e-mail
 * address). Nothing was written; the librarian can confirm and save anyway.
 */
public class SoftDuplicatesException extends RuntimeException {

    private final transient List<Patron> matches;

    public SoftDuplicatesException(List<Patron> matches) {
        super("possible duplicates: " + matches.size(), null, false, false);
        this.matches = List.copyOf(matches);
    }

    public List<Patron> matches() {
        return matches;
    }
}
