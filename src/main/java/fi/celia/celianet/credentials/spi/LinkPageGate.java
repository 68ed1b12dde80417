package fi.celia.celianet.credentials.spi;

import fi.celia.celianet.credentials.TokenPurpose;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Implemented by a module that can close link pages for a while (maintenance windows close patron and
 * customer activation and reset): asked before a link page is shown or a password is set. A refusal answers
 * 503 with the implementing module's page and model; the token is not touched.
 */
public interface LinkPageGate {

    /** @return why links of these purposes cannot be used now, or empty when they can */
    Optional<Refusal> refusal(Set<TokenPurpose> purposes);

    /** @param retryAfter when to try again, for the {@code Retry-After} header (may be null) */
    record Refusal(String view, Map<String, Object> model, Instant retryAfter) {}
}
