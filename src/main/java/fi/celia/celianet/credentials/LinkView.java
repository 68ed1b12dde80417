package fi.celia.celianet.credentials;

/**
 * A single-use link as its page shows it: its state, what it is for and whose account it opens.
 *
 * @param purpose  null when the link is unknown
 * @param userName the name the account signs in with, or null when unknown
 * @param language the account's language, or null when unknown
 */
public record LinkView(TokenState state, TokenPurpose purpose, String userName, String language) {

    static final LinkView UNKNOWN = new LinkView(TokenState.UNKNOWN, null, null, null);

    /** Whether the account signs in to the library service (patrons, institution customers) rather than Celianet. */
    public boolean libraryService() {
        return purpose != null && purpose.libraryService();
    }
}
