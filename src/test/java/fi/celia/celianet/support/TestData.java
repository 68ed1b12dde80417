package fi.celia.celianet.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import fi.celia.celianet.staff.NewStaffAccount;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.OrganisationDetails;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Makes organisations and signed-up accounts with unique names, so tests never step on each other. */
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Organisations organisations;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;

    TestData(Organisations organisations, StaffAccounts accounts, PasswordEncoder encoder) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public Organisation library(String name) {
        return organisations.create(new OrganisationDetails(name, OrganisationType.LIBRARY, null,
                null, null, "Kirjastokatu 1", "00100", "Helsinki", "fi"), "test");
    }

    /** An account that has set its password {@link #PASSWORD}. */
    public StaffAccount account(Role role, Organisation organisation) {
        String username = unique(role.name().toLowerCase());
        StaffAccount account = accounts.create(new NewStaffAccount(username, "Test " + username, username + "@example.fi",
                "fi", role, organisation == null ? null : organisation.getId()), "test");
        accounts.storePasswordHash(account.getId(), encoder.encode(PASSWORD));
        return accounts.find(account.getId()).orElseThrow();
    }
}
