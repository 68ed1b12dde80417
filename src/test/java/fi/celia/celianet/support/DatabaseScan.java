package fi.celia.celianet.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.Driver;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Reads every column of every table of the database for values that must not be there, and dumps the database as
 * an operator's backup would.
 */
public final class DatabaseScan {

    private DatabaseScan() {}

    /** Every table.column of the public schema holding any of the values, as text or as UTF-8 bytes. */
    public static List<String> whereFound(JdbcClient jdbc, Set<String> values) {
        var columns = jdbc.sql(
                        """
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public'
                  AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
                ORDER BY table_name, column_name""")
                .query()
                .listOfRows();
        assertThat(columns).extracting(c -> c.get("table_name")).contains("spring_session_attributes", "outbound_mail");
        List<String> found = new ArrayList<>();
        for (var column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            boolean bytes = "bytea".equals(column.get("data_type"));
            for (String value : values) {
                String sql = bytes
                        ? "SELECT count(*) FROM \"%s\" WHERE position(decode(:hex, 'hex') IN \"%s\") > 0"
                                .formatted(table, name)
                        : "SELECT count(*) FROM \"%s\" WHERE \"%s\"::text ILIKE '%%' || :value || '%%'"
                                .formatted(table, name);
                var query = jdbc.sql(sql);
                query = bytes
                        ? query.param("hex", HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)))
                        : query.param(
                                "value",
                                value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
                if (query.query(Integer.class).single() > 0) {
                    found.add(table + "." + name + " holds " + value);
                }
            }
        }
        return found;
    }

    /**
     * The whole database as {@code pg_dump} writes it (plain SQL), with the {@code pg_dump} of the server's own major
     * version: inside the container when Testcontainers runs the database, otherwise PostgreSQL's installed
     * {@code /usr/lib/postgresql/<major>/bin/pg_dump}. Aborts the test (JUnit assumption) only where neither is there.
     */
    public static String dump(ApplicationContext context, JdbcClient jdbc) throws IOException, InterruptedException {
        int major = jdbc.sql("SELECT current_setting('server_version_num')::int / 10000")
                .query(Integer.class)
                .single();
        HikariDataSource dataSource = context.getBean(HikariDataSource.class);
        Properties url = Driver.parseURL(dataSource.getJdbcUrl(), null);
        String database = url.getProperty("PGDBNAME");
        var container = context.getBeanProvider(PostgreSQLContainer.class).getIfAvailable();
        if (container != null) {
            var result = container.execInContainer("pg_dump", "-U", dataSource.getUsername(), database);
            assertThat(result.getExitCode()).as(result.getStderr()).isZero();
            return result.getStdout();
        }
        Path pgDump = Path.of("/usr/lib/postgresql", Integer.toString(major), "bin", "pg_dump");
        Assumptions.assumeTrue(Files.isExecutable(pgDump), "no pg_dump of PostgreSQL " + major + " here");
        Path out = Files.createTempFile("celianet-dump", ".sql");
        try {
            var builder = new ProcessBuilder(
                            pgDump.toString(),
                            "-h",
                            url.getProperty("PGHOST"),
                            "-p",
                            url.getProperty("PGPORT"),
                            "-U",
                            dataSource.getUsername(),
                            "-f",
                            out.toString(),
                            database)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PGPASSWORD", String.valueOf(dataSource.getPassword()));
            var process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("pg_dump's exit code").isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
