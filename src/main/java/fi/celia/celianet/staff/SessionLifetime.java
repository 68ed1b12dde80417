package fi.celia.celianet.staff;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a session may last from its creation, however active ({@code celianet.security.session-max-lifetime},
 * 12 hours by default), besides the idle timeout. Read on every request, so a change takes effect at once.
 */
@Component
public class SessionLifetime {

    private volatile Duration maximum;

    SessionLifetime(@Value("${celianet.security.session-max-lifetime:12h}") Duration maximum) {
        set(maximum);
    }

    public Duration maximum() {
        return maximum;
    }

    /** Changes the maximum for the running application: tests use it to keep one application context. */
    public void set(Duration maximum) {
        if (maximum.isNegative() || maximum.isZero()) {
            throw new IllegalArgumentException("the maximum session lifetime must be positive: " + maximum);
        }
        this.maximum = maximum;
    }
}
