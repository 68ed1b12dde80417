package fi.celia.celianet.credentials;

import java.time.Duration;

/** What a single-use link is for: how long it lives and which page redeems it. */
public enum TokenPurpose {
    STAFF_INVITATION(Duration.ofDays(7), "/password/set/"),
    STAFF_RESET(Duration.ofHours(24), "/password/set/"),
    PATRON_ACTIVATION(Duration.ofDays(14), "/account/activate/"),
    PATRON_RESET(Duration.ofHours(24), "/account/reset/"),
    CUSTOMER_ACTIVATION(Duration.ofDays(14), "/account/activate/"),
    CUSTOMER_RESET(Duration.ofHours(24), "/account/reset/");

    private final Duration validity;
    private final String path;

    TokenPurpose(Duration validity, String path) {
        this.validity = validity;
        this.path = path;
    }

    public Duration validity() {
        return validity;
    }

    /**
     * Whether the account signs in to the library service and its reader apps (patrons and institution customers,
     * who borrow there) rather than to Celianet (staff).
     */
    public boolean libraryService() {
        return this != STAFF_INVITATION && this != STAFF_RESET;
    }

    /** The path of the page that redeems the token, ending in a slash: the token follows it. */
    public String path() {
        return path;
    }
}
