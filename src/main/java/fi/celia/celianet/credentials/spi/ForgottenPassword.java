package fi.celia.celianet.credentials.spi;

/**
 * Implemented by a module whose accounts can ask for a reset link on the forgotten-password page (institution
 * customers): the page hands every implementation what was typed. An implementation sends a link when one of its
 * accounts has that user name or e-mail address, within its own limits, and tells nothing either way: the page
 * answers the same.
 */
public interface ForgottenPassword {

    /** @param usernameOrEmail trimmed, not blank, at most 254 characters */
    void requestReset(String usernameOrEmail);
}
