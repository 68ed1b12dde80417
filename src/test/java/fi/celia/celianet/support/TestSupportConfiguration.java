package fi.celia.celianet.support;

import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronRecords;
import fi.celia.celianet.patrons.internal.PatronRegistration;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.StaffAccounts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.testcontainers.postgresql.PostgreSQLContainer;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    TestData testData(
            Organisations organisations,
            StaffAccounts accounts,
            PasswordEncoder encoder,
            PatronRegistration registration,
            PatronRecords records,
            PatronLifecycle lifecycle,
            JdbcClient jdbc) {
        return new TestData(organisations, accounts, encoder, registration, records, lifecycle, jdbc);
    }

    @Bean
    @ServiceConnection
    @Conditional(ContainerMode.class)
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer("postgres:17");
    }

    static class ContainerMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestDatabase.get().mode() == TestDatabase.Mode.CONTAINER;
        }
    }
}
