package fi.celia.celianet.patrons.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many searches by identity code one staff account may make in a day (Helsinki time), from
 * {@code celianet.patrons.identity-code-searches-per-day}; read on every search, so a test can change it for a while.
 */
@Component
public class IdentityCodeSearchLimit {

    private final int configured;
    private volatile int perDay;

    IdentityCodeSearchLimit(@Value("${celianet.patrons.identity-code-searches-per-day:300}") int perDay) {
        if (perDay < 1) {
            throw new IllegalArgumentException("celianet.patrons.identity-code-searches-per-day must be at least 1");
        }
        this.configured = perDay;
        this.perDay = perDay;
    }

    /** The searches by identity code one staff account may make in a day. */
    public int perDay() {
        return perDay;
    }

    /** Sets the limit until {@link #reset()}. */
    public void setPerDay(int perDay) {
        this.perDay = perDay;
    }

    /** Back to the configured limit. */
    public void reset() {
        this.perDay = configured;
    }
}
