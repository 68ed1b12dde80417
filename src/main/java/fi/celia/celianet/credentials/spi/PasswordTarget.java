package fi.celia.celianet.credentials.spi;

import fi.celia.celianet.credentials.TokenPurpose;
import java.util.List;
import java.util.Objects;
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
     * pages; and the holder's own words, which the password policy refuses to build a password on. Empty when the
     * subject is unknown.
     */
    default Optional<AccountHolder> holder(UUID subjectId) {
        return Optional.empty();
    }

    /**
     * @param userName the name the account signs in with (a patron's or customer's number, a staff user name)
     * @param language the account's language ({@code fi}, {@code sv}, {@code en}), or null when unknown
     * @param personalWords what the holder's password must not lean on besides the user name: the person's names,
     *     e-mail address, organisation's name (nulls are dropped)
     */
    record AccountHolder(String userName, String language, List<String> personalWords) {

        public AccountHolder {
            personalWords = personalWords == null
                    ? List.of()
                    : personalWords.stream().filter(Objects::nonNull).toList();
        }

        public AccountHolder(String userName, String language) {
            this(userName, language, List.of());
        }
    }
}
