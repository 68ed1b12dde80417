package fi.celia.celianet.credentials.spi;

import fi.celia.celianet.credentials.TokenPurpose;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Implemented by each module that owns accounts with passwords (staff, patrons, institution customers):
 * stores the new password hash for the subject a token was issued to.
 */
public interface PasswordTarget {

    Set<TokenPurpose> purposes();

    void storePasswordHash(UUID subjectId, String passwordHash);

    /**
     * Whose account the subject is, as the link pages show it: the name it signs in with and the language of its
     * pages. Empty when the subject is unknown.
     */
    default Optional<AccountHolder> holder(UUID subjectId) {
        return Optional.empty();
    }

    /**
     * @param userName the name the account signs in with (a patron's or customer's number, a staff user name)
     * @param language the account's language ({@code fi}, {@code sv}, {@code en}), or null when unknown
     */
    record AccountHolder(String userName, String language) {}
}
