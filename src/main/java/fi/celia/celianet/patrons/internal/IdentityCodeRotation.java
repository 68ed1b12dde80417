package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.sealing.DataSealing.Sealed;
import fi.celia.celianet.sealing.KeyRotation;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals patrons' identity codes under the current seal key and recomputes their blind index under the current
 * index key, for {@code rotate-keys}. A batch locks its rows ({@code FOR UPDATE}), so an edit of the same patron
 * waits for it, and writes only the four sealed columns, never the version the edit form holds.
 */
@Component
class IdentityCodeRotation implements KeyRotation {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DataSealing sealing;

    IdentityCodeRotation(JdbcClient jdbc, TransactionTemplate transaction, DataSealing sealing) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.sealing = sealing;
    }

    @Override
    public String description() {
        return "patron identity codes";
    }

    @Override
    public long remaining() {
        return jdbc.sql(
                        """
                SELECT count(*) FROM patron WHERE identity_code_sealed IS NOT NULL
                AND (identity_code_key <> :seal OR identity_code_index_key <> :index)""")
                .param("seal", sealing.currentSealKey())
                .param("index", sealing.currentIndexKey())
                .query(Long.class)
                .single();
    }

    @Override
    public int rotateBatch(int size) {
        Integer rotated = transaction.execute(status -> {
            record Row(UUID id, Sealed sealed) {}
            List<Row> rows = jdbc.sql(
                            """
                    SELECT id, identity_code_key, identity_code_sealed FROM patron
                    WHERE identity_code_sealed IS NOT NULL
                      AND (identity_code_key <> :seal OR identity_code_index_key <> :index)
                    ORDER BY id LIMIT :size FOR UPDATE""")
                    .param("seal", sealing.currentSealKey())
                    .param("index", sealing.currentIndexKey())
                    .param("size", size)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), new Sealed(rs.getString(2), rs.getBytes(3))))
                    .list();
            for (Row row : rows) {
                String code = sealing.open(row.sealed(), row.id());
                var sealed = sealing.seal(code, row.id());
                var index = sealing.index(code);
                jdbc.sql(
                                """
                        UPDATE patron SET identity_code_sealed = :sealed, identity_code_key = :seal,
                            identity_code_index = :index, identity_code_index_key = :indexKey
                        WHERE id = :id""")
                        .param("sealed", sealed.bytes())
                        .param("seal", sealed.keyId())
                        .param("index", index.value())
                        .param("indexKey", index.keyId())
                        .param("id", row.id())
                        .update();
            }
            return rows.size();
        });
        return rotated == null ? 0 : rotated;
    }
}
