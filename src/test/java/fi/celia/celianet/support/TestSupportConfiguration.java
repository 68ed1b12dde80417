package fi.celia.celianet.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    TestData testData(fi.celia.celianet.staff.Organisations organisations, fi.celia.celianet.staff.StaffAccounts accounts,
            org.springframework.security.crypto.password.PasswordEncoder encoder,
            fi.celia.celianet.patrons.PatronRegistration registration, fi.celia.celianet.patrons.Patrons patrons) {
        return new TestData(organisations, accounts, encoder, registration, patrons);
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
