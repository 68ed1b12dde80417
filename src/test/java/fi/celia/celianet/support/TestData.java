package fi.celia.celianet.support;

import fi.celia.celianet.audit.AccessPurpose;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.patrons.internal.DuplicateIdentityCodeException;
import fi.celia.celianet.patrons.internal.NewPatron;
import fi.celia.celianet.patrons.internal.PatronChanges;
import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronRecords;
import fi.celia.celianet.patrons.internal.PatronRegistration;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.NewStaffAccount;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.OrganisationDetails;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.staff.StaffPrincipal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Makes organisations and signed-up accounts with unique names, so tests never step on each other. */
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Organisations organisations;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final PatronRegistration registration;
    private final PatronRecords records;
    private final PatronLifecycle lifecycle;
    private final JdbcClient jdbc;
    private volatile StaffPrincipal registrar;
    private volatile Organisation patronLibrary;

    TestData(
            Organisations organisations,
            StaffAccounts accounts,
            PasswordEncoder encoder,
            PatronRegistration registration,
            PatronRecords records,
            PatronLifecycle lifecycle,
            JdbcClient jdbc) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.encoder = encoder;
        this.registration = registration;
        this.records = records;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    public Organisation library(String name) {
        return organisations.create(
                new OrganisationDetails(
                        name,
                        OrganisationType.LIBRARY,
                        null,
                        null,
                        null,
                        new PostalAddress("Kirjastokatu 1", "00100", "Helsinki"),
                        "fi"),
                "test");
    }

    /** An account that has set its password {@link #PASSWORD}. */
    public StaffAccount account(Role role, Organisation organisation) {
        String username = unique(role.name().toLowerCase());
        StaffAccount account = accounts.create(
                new NewStaffAccount(
                        username,
                        "Test " + username,
                        username + "@example.fi",
                        "fi",
                        role,
                        organisation == null ? null : organisation.getId()),
                "test");
        accounts.storePasswordHash(account.getId(), encoder.encode(PASSWORD));
        return accounts.find(account.getId()).orElseThrow();
    }

    /**
     * A patron registered through the patrons module, with a fresh identity code: {@code name} is the first names
     * and, after its last space, the last name; the address null for none. The credentials go on paper (handed over
     * in person), so the patron's e-mail receives only what a test causes. {@code organisation} null: one shared
     * test library. A patron with the CD clubs but no address breaks the registration rules; such a record (as older
     * data may hold) is made by registering without the clubs and adding them in the database.
     */
    public UUID patron(String name, Organisation organisation, PostalAddress address, String email, boolean cdClubs) {
        int space = name.lastIndexOf(' ');
        String first = space < 0 ? name : name.substring(0, space);
        String last = space < 0 ? name : name.substring(space + 1);
        UUID organisationId = (organisation == null ? patronLibrary() : organisation).getId();
        boolean cdWithoutAddress = cdClubs && (address == null || !address.isComplete());
        while (true) {
            var patron = new NewPatron(
                    PersonalIdentityCode.parse(newCode()),
                    false,
                    null,
                    null,
                    first,
                    last,
                    email,
                    "+358 40 123 4567",
                    address,
                    "fi",
                    "IN_PERSON",
                    "VISUAL",
                    true,
                    true,
                    cdClubs && !cdWithoutAddress,
                    "IN_PERSON",
                    null,
                    null,
                    null,
                    null,
                    "PATRON",
                    null,
                    null,
                    null,
                    false,
                    organisationId);
            try {
                UUID id = registration
                        .register(patron, UUID.randomUUID().toString(), true, registrar())
                        .patronId();
                if (cdWithoutAddress) {
                    jdbc.sql("UPDATE patron SET service_cd_clubs = true WHERE id = :id")
                            .param("id", id)
                            .update();
                }
                return id;
            } catch (DuplicateIdentityCodeException e) {
                // another test's patron has the random code: draw again
            }
        }
    }

    /** Changes the patron's postal address through the patrons module. */
    public void movePatron(UUID patronId, PostalAddress address) {
        PatronChanges c =
                records.view(registrar(), patronId, AccessPurpose.VIEW).details();
        lifecycle.update(
                registrar(),
                patronId,
                null,
                new PatronChanges(
                        c.email(),
                        c.phone(),
                        address,
                        c.language(),
                        c.serviceOnline(),
                        c.serviceCdClubs(),
                        c.contactName(),
                        c.contactRelation(),
                        c.contactPhone(),
                        c.contactEmail(),
                        c.credentialsTo(),
                        c.credentialsBy(),
                        c.guardianName(),
                        c.guardianPhone(),
                        c.guardianEmail(),
                        c.guardianConsent()));
    }

    /** Closes the patron through the patrons module. */
    public void closePatron(UUID patronId) {
        lifecycle.close(registrar(), patronId, "test");
    }

    /** A valid identity code of an adult, random enough never to meet another test's code. */
    public static String newCode() {
        var random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 70));
        char sign = birth.getYear() >= 2000 ? "ABCDEF".charAt(random.nextInt(6)) : "-YXWVU".charAt(random.nextInt(6));
        return PersonalIdentityCode.of(birth, sign, 2 + random.nextInt(898));
    }

    private Organisation patronLibrary() {
        if (patronLibrary == null) {
            synchronized (this) {
                if (patronLibrary == null) {
                    patronLibrary = library(unique("Testikirjasto"));
                }
            }
        }
        return patronLibrary;
    }

    /** The service staff member who registers, edits and closes the tests' patrons. */
    private StaffPrincipal registrar() {
        if (registrar == null) {
            synchronized (this) {
                if (registrar == null) {
                    StaffAccount account = account(Role.STAFF, null);
                    registrar = new StaffPrincipal(
                            account.getId(),
                            account.getUsername(),
                            account.getDisplayName(),
                            Role.STAFF,
                            null,
                            "fi",
                            null,
                            true);
                }
            }
        }
        return registrar;
    }
}
