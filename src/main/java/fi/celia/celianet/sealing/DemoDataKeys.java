package fi.celia.celianet.sealing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's data keys, kept in its own database ({@code demo_data_key}) so that the demo's patrons stay readable
 * after a restart and two demos on one database agree: the first to start generates them, the others read them.
 * Never used outside the demo profile: keys beside the data they seal protect nothing in a backup.
 */
final class DemoDataKeys {

    private static final Logger log = LoggerFactory.getLogger(DemoDataKeys.class);

    private DemoDataKeys() {}

    static DataKeys load(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DataKeys generated = DataKeys.generate("demo");
            try (var insert = connection.prepareStatement(
                    "INSERT INTO demo_data_key (purpose, id, key, created_at) VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
                for (String entry : generated.format().split(",")) {
                    String[] parts = entry.split(":", 3);
                    insert.setString(1, parts[0]);
                    insert.setString(2, parts[1]);
                    insert.setBytes(3, Base64.getDecoder().decode(parts[2]));
                    insert.addBatch();
                }
                if (insert.executeBatch()[0] == 1) {
                    log.info("Demo: generated new data keys, kept in the demo database (table demo_data_key)");
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            List<String> entries = new ArrayList<>();
            try (var select = connection.createStatement();
                    var rows = select.executeQuery(
                            "SELECT purpose, id, key FROM demo_data_key ORDER BY created_at DESC, id")) {
                while (rows.next()) {
                    entries.add(DataKeys.format(rows.getString(1), rows.getString(2), rows.getBytes(3)));
                }
            }
            return DataKeys.parse(String.join(",", entries));
        } catch (SQLException e) {
            throw new DataKeysException(
                    "Demo: the data keys could not be read from the demo database: " + e.getMessage());
        }
    }
}
