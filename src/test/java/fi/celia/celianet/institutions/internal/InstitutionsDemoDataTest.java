package fi.celia.celianet.institutions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.institutions.InstitutionApplications;
import fi.celia.celianet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InstitutionsDemoDataTest extends IntegrationTest {

    @Autowired
    private InstitutionApplications applications;

    @Autowired
    private ApplicationRepository repository;

    @Autowired
    private ApplicationFigures figures;

    @Test
    void theDemoQueueIsSeededOnceWithAnOverdueApplication() throws Exception {
        var seeder = new InstitutionsDemoData(applications, repository, jdbc, clock);
        int before = count();
        seeder.run(null);
        seeder.run(null);
        assertThat(count()).isEqualTo(before + 3);
        assertThat(figures.overdue()).anyMatch(a -> a.organisationName().equals("Kallion ala-asteen koulu"));
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM institution_application")
                .query(Integer.class)
                .single();
    }
}
