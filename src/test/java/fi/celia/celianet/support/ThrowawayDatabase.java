package fi.celia.celianet.support;

import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own beside the test database, on the same server, for a test that migrates a schema as it
 * stood before and fills it as it was then; dropped afterwards whatever the outcome.
 */
public final class ThrowawayDatabase {

    private ThrowawayDatabase() {}

    /** @param jdbc the test database, where the new one is created and dropped from */
    public static void with(JdbcClient jdbc, String prefix, Consumer<DataSource> test) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        TestDatabase database = TestDatabase.get();
        String current =
                jdbc.sql("SELECT current_database()").query(String.class).single();
        jdbc.sql("CREATE DATABASE " + name).update();
        try {
            test.accept(new DriverManagerDataSource(
                    database.url().replace("/" + current, "/" + name), database.username(), database.password()));
        } finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
        }
    }
}
