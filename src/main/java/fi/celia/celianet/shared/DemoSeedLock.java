package fi.celia.celianet.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Two demos may start on the same local database at once. Each module seeds its demo data in an
 * {@link ApplicationRunner} that first checks whether the data is there; this holds a PostgreSQL advisory lock
 * from before the first of those runners until after the last, so the second demo waits and then finds the
 * first one's data instead of seeding it again.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSeedLock {

    private static final long LOCK = 0x43_65_6c_69_61_6e_65_74L; // "Celianet"

    private Connection holder;

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner takeDemoSeedLock(DataSource dataSource) {
        return args -> {
            holder = dataSource.getConnection();
            try (var statement = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                statement.setLong(1, LOCK);
                statement.execute();
            }
        };
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner releaseDemoSeedLock() {
        return args -> {
            if (holder != null) {
                try (var statement = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    statement.setLong(1, LOCK);
                    statement.execute();
                } catch (SQLException e) {
                    // closing the connection below releases it as well
                }
                holder.close();
                holder = null;
            }
        };
    }
}
