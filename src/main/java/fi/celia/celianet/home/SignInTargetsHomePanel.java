package fi.celia.celianet.home;

import fi.celia.celianet.home.spi.HomePanel;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells administrators which accounts have had many failed sign-ins lately (from any addresses), so an attack on
 * an account is seen while the throttle keeps it harmless. Shown only while there is such an account.
 */
@Component
class SignInTargetsHomePanel implements HomePanel {

    private final StaffAccounts accounts;
    private final int threshold;
    private final Duration window;

    SignInTargetsHomePanel(
            StaffAccounts accounts,
            @Value("${celianet.security.sign-in.notice-threshold}") int threshold,
            @Value("${celianet.security.sign-in.window}") Duration window) {
        this.accounts = accounts;
        this.threshold = threshold;
        this.window = window;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public boolean visibleTo(StaffPrincipal user) {
        return user.role() == Role.ADMIN && !accounts.signInTargets().isEmpty();
    }

    @Override
    public String fragment() {
        return "home/sign-in-targets :: panel";
    }

    @Override
    public Map<String, Object> model(StaffPrincipal user) {
        return Map.of("targets", accounts.signInTargets(), "threshold", threshold, "minutes", window.toMinutes());
    }
}
