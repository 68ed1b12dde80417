package fi.celia.celianet.staff;

import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.internal.OrganisationRepository;
import fi.celia.celianet.staff.internal.StaffAccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo profile's organisations and accounts (password {@value #PASSWORD}); seeded once. */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "celianet-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrganisationRepository organisations;
    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DemoData(
            OrganisationRepository organisations,
            StaffAccountRepository accounts,
            PasswordEncoder encoder,
            Clock clock) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.existsByUsername("demo-admin")) {
            return;
        }
        Instant now = Instant.now(clock);
        Organisation helsinki = library(
                "Helsingin kaupunginkirjasto – Helsingfors stadsbibliotek",
                "0201256-6",
                "Rautatieläisenkatu 8",
                "00520",
                "Helsinki",
                now);
        Organisation espoo = library(
                "Espoon kaupunginkirjasto – Esbo stadsbibliotek", "0101263-6", "Kamreerintie 3", "02770", "Espoo", now);
        String hash = encoder.encode(PASSWORD);
        account("demo-librarian", "Liisa Lukija", Role.REGISTRAR, helsinki, hash, now);
        account("demo-librarian-espoo", "Eero Esikko", Role.REGISTRAR, espoo, hash, now);
        account("demo-mainuser", "Maija Pääkäyttäjä", Role.MAIN_USER, helsinki, hash, now);
        account("demo-staff", "Sanni Palvelu", Role.STAFF, null, hash, now);
        account("demo-admin", "Aino Ylläpito", Role.ADMIN, null, hash, now);
        log.info("Demo data seeded: two libraries and five accounts");
    }

    private Organisation library(
            String name, String businessId, String street, String postalCode, String city, Instant now) {
        var organisation = new Organisation(UUID.randomUUID(), "A" + organisations.nextCustomerNumber(), now);
        organisation.update(
                new OrganisationDetails(
                        name,
                        OrganisationType.LIBRARY,
                        businessId,
                        null,
                        null,
                        new PostalAddress(street, postalCode, city),
                        "fi"),
                now);
        return organisations.save(organisation);
    }

    private void account(String username, String name, Role role, Organisation organisation, String hash, Instant now) {
        var account = new StaffAccount(UUID.randomUUID(), username, now);
        account.update(
                name,
                username + "@demo.celianet.invalid",
                "fi",
                role,
                organisation == null ? null : organisation.getId(),
                now);
        account.setPasswordHash(hash, now);
        accounts.save(account);
    }
}
