package fi.celia.celianet.credentials.spi;

import fi.celia.celianet.credentials.TokenPurpose;
import java.util.Set;
import java.util.UUID;

/**
 * Implemented by each module that owns accounts with passwords (staff, patrons, institution customers):
 * stores the new password hash for the subject a token was issued to.
 */
public interface PasswordTarget {

    Set<TokenPurpose> purposes();

    void storePasswordHash(UUID subjectId, String passwordHash);
}
