package fi.celia.celianet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fi.celia.celianet.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The context started: Flyway migrated an empty database and Hibernate validated every entity against it. */
class SchemaTest extends IntegrationTest {

    @Test
    void flywayMigratedTheEmptyDatabaseAndEveryMigrationSucceeded() {
        List<Boolean> outcomes = jdbc.sql("SELECT success FROM flyway_schema_history WHERE version IS NOT NULL")
                .query(Boolean.class).list();
        assertThat(outcomes).isNotEmpty().containsOnly(true);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN
                ('organisation', 'staff_account', 'audit_event', 'spring_session', 'spring_session_attributes',
                 'shedlock', 'credential_token', 'outbound_mail')""").query(Integer.class).single())
                .isEqualTo(8);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.core.env.Environment environment;

    @Test
    void hibernateOnlyValidatesTheSchemaThatFlywayOwns() {
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
    }
}
