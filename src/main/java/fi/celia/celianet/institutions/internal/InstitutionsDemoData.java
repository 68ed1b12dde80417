package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.institutions.InstitutionApplications;
import fi.celia.celianet.institutions.NewApplication;
import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo profile's institution applications: a queue with a possible duplicate and an overdue one; seeded once. */
@Component
@Profile("demo")
@Order(10)
class InstitutionsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InstitutionsDemoData.class);
    private static final String MARKER = "demo-institutions-1";

    private final InstitutionApplications applications;
    private final ApplicationRepository repository;
    private final JdbcClient jdbc;
    private final Clock clock;

    InstitutionsDemoData(
            InstitutionApplications applications, ApplicationRepository repository, JdbcClient jdbc, Clock clock) {
        this.applications = applications;
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.existsBySubmissionToken(MARKER)) {
            return;
        }
        applications.submit(new NewApplication(
                MARKER,
                "Kallion ala-asteen koulu",
                OrganisationType.SCHOOL,
                "1234567-1",
                null,
                "Kaarina Koulu",
                "kaarina.koulu@example.fi",
                "09 123 4567",
                new PostalAddress("Porvoonkatu 2", "00510", "Helsinki"),
                "Meillä on kaksi erityisluokkaa.",
                "fi",
                null,
                List.of(
                        new Registrar("Kaarina Koulu", "kaarina.koulu@example.fi"),
                        new Registrar("Ville Opettaja", "ville.opettaja@example.fi"))));
        applications.submit(new NewApplication(
                UUID.randomUUID().toString(),
                "Palvelutalo Kotiranta",
                OrganisationType.CARE_HOME,
                "7654321-2",
                null,
                "Helena Hoitaja",
                "helena.hoitaja@example.fi",
                "040 765 4321",
                new PostalAddress("Rantatie 5", "02100", "Espoo"),
                null,
                "fi",
                null,
                List.of()));
        applications.submit(new NewApplication(
                UUID.randomUUID().toString(),
                "Helsingin kaupunginkirjasto, Pasila",
                OrganisationType.LIBRARY,
                "0201256-6",
                null,
                "Pekka Pasila",
                "pekka.pasila@example.fi",
                "09 310 85000",
                new PostalAddress("Kellosilta 9", "00520", "Helsinki"),
                null,
                "sv",
                null,
                List.of(new Registrar("Pekka Pasila", "pekka.pasila@example.fi"))));
        // The school's application came in a week ago: overdue. Not JPA: no domain method moves a submission back in
        // time.
        jdbc.sql("UPDATE institution_application SET submitted_at = :at WHERE submission_token = :t")
                .param("at", Timestamp.from(Instant.now(clock).minus(Duration.ofDays(7))))
                .param("t", MARKER)
                .update();
        log.info("Demo data seeded: three institution applications");
    }
}
