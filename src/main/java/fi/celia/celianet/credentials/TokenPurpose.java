package fi.celia.celianet.credentials;

import java.time.Duration;

/** What a single-use link is for: how long it lives and which page redeems it. */
public enum TokenPurpose {
    STAFF_INVITATION(Duration.ofDays(7), "/password/set/"),
    STAFF_RESET(Duration.ofHours(24), "/password/set/"),
    /**
     * The link that lets a staff member enrol a second sign-in factor: opened after signing in with the password,
     * so the link alone opens nothing.
     */
    STAFF_SECOND_FACTOR(Duration.ofHours(24), "/sign-in/enrol/"),
    PATRON_ACTIVATION(Duration.ofDays(14), "/account/activate/"),
    PATRON_RESET(Duration.ofHours(24), "/account/reset/"),
    CUSTOMER_ACTIVATION(Duration.ofDays(14), "/account/activate/"),
    CUSTOMER_RESET(Duration.ofHours(24), "/account/reset/"),
    /**
     * A short code on a letter or read out on the phone, entered at {@code /activate}: post is slow, so it lives 30
     * days. Its own purpose: it neither revokes nor is revoked by the e-mailed links.
     */
    PATRON_CODE(Duration.ofDays(30), "/activate");

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
        return this != STAFF_INVITATION && this != STAFF_RESET && this != STAFF_SECOND_FACTOR;
    }

    /**
     * The path of the page that redeems the token: a link's path ends in a slash and the token follows it; a short
     * code's page ({@link #PATRON_CODE}) takes the code as its {@code code} parameter.
     */
    public String path() {
        return path;
    }
}
