package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.staff.StaffAccounts;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** User names for the registrar accounts of an approved organisation, made from their e-mail addresses. */
@Component
class RegistrarUsernames {

    private final StaffAccounts staffAccounts;

    RegistrarUsernames(StaffAccounts staffAccounts) {
        this.staffAccounts = staffAccounts;
    }

    /** A batch of names: each unique among staff accounts and within the batch. */
    Batch batch() {
        return new Batch();
    }

    final class Batch {

        private final Set<String> taken = new HashSet<>();

        private Batch() {}

        /** The e-mail address's local part, lower case, with a number added when someone has it already. */
        String next(String email) {
            String local = email.substring(0, Math.max(0, email.indexOf('@')))
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "");
            if (local.length() > 40) {
                local = local.substring(0, 40);
            }
            if (local.length() < 3) {
                local = "user" + local;
            }
            if (local.matches("c\\d{7}")) {
                // shaped like a patron number, which the staff sign-in sends to the library service
                local = "registrar-" + local;
            }
            String candidate = local;
            for (int n = 2;
                    taken.contains(candidate)
                            || staffAccounts.findByUsername(candidate).isPresent();
                    n++) {
                candidate = local + n;
            }
            taken.add(candidate);
            return candidate;
        }
    }
}
