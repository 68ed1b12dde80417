package fi.celia.celianet.institutions.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock: a scheduled job annotated with {@code @SchedulerLock} runs on one instance at a time, whichever takes
 * the row in {@code shedlock} first. Lock times come from the database's clock, so instances need not agree on theirs.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class InstitutionsSchedulerLockConfiguration {

    /** Another module may declare the same provider (same table, same settings): one of the two is enough. */
    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    LockProvider institutionsLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
