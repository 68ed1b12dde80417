package fi.celia.celianet.staff;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.session.SessionIdGenerator;

/**
 * Session ids of 256 random bits from {@link SecureRandom}, base64url without padding (43 characters): Spring
 * Session's default, a random UUID, has 122.
 */
final class RandomSessionIds implements SessionIdGenerator {

    static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String generate() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
