package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.sealing.DataSealing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * V18.1: seals the identity codes registered before V18, in batches of 500, each committed on its own and its
 * progress logged, so an interrupted start resumes where it stopped (the migration is recorded only when every code
 * is sealed). V19 then drops the clear column, and refuses to while any code is left in it.
 */
@Component
class SealIdentityCodesMigration implements JavaMigration {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(SealIdentityCodesMigration.class);

    private final DataSealing sealing;

    SealIdentityCodesMigration(DataSealing sealing) {
        this.sealing = sealing;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18.1");
    }

    @Override
    public String getDescription() {
        return "seal identity codes";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        // each batch commits by itself
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long total = count(connection);
            long done = 0;
            if (total > 0) {
                log.info("V18.1: sealing {} identity codes", total);
            }
            int sealed;
            while ((sealed = sealBatch(connection)) > 0) {
                connection.commit();
                done += sealed;
                log.info("V18.1: {} of {} identity codes sealed", done, total);
            }
            connection.commit();
            log.info("V18.1: every identity code is sealed");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM patron WHERE identity_code IS NOT NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private int sealBatch(Connection connection) throws SQLException {
        record Clear(UUID id, String code) {}
        List<Clear> batch = new ArrayList<>();
        try (var select = connection.prepareStatement(
                "SELECT id, identity_code FROM patron WHERE identity_code IS NOT NULL ORDER BY id LIMIT ? FOR UPDATE")) {
            select.setInt(1, BATCH);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new Clear(rows.getObject(1, UUID.class), rows.getString(2)));
                }
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try (var update = connection.prepareStatement(
                """
                UPDATE patron SET identity_code_sealed = ?, identity_code_key = ?, identity_code_index = ?,
                    identity_code_index_key = ?, identity_code = NULL WHERE id = ?""")) {
            for (Clear row : batch) {
                var seal = sealing.seal(row.code(), row.id());
                var index = sealing.index(row.code());
                update.setBytes(1, seal.bytes());
                update.setString(2, seal.keyId());
                update.setBytes(3, index.value());
                update.setString(4, index.keyId());
                update.setObject(5, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
        return batch.size();
    }
}
