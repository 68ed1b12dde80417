package fi.celia.celianet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor;

/** The context started: Flyway migrated an empty database and Hibernate validated every entity against it. */
class SchemaTest extends IntegrationTest {

    @Test
    void flywayMigratedTheEmptyDatabaseAndEveryMigrationSucceeded() {
        List<Boolean> outcomes = jdbc.sql("SELECT success FROM flyway_schema_history WHERE version IS NOT NULL")
                .query(Boolean.class)
                .list();
        assertThat(outcomes).isNotEmpty().containsOnly(true);
        assertThat(jdbc.sql(
                                """
                SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN
                ('organisation', 'staff_account', 'audit_event', 'spring_session', 'spring_session_attributes',
                 'shedlock', 'credential_token', 'outbound_mail')""")
                        .query(Integer.class)
                        .single())
                .isEqualTo(8);
    }

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private ApplicationContext context;

    @Test
    void hibernateOnlyValidatesTheSchemaThatFlywayOwnsAndNoSessionStaysOpenForTheView() {
        // what Hibernate was actually started with, whatever profile or property set it
        assertThat(entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
        assertThat(context.getBeanNamesForType(OpenEntityManagerInViewInterceptor.class))
                .isEmpty();
    }
}
