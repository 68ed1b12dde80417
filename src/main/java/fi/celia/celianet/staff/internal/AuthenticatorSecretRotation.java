package fi.celia.celianet.staff.internal;

import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.sealing.DataSealing.Sealed;
import fi.celia.celianet.sealing.KeyRotation;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals staff members' authenticator app secrets under the current seal key, for {@code rotate-keys}. A batch
 * locks its rows ({@code FOR UPDATE}) and writes only the two sealed columns, so a code verified meanwhile still moves
 * its account's last used step.
 */
@Component
class AuthenticatorSecretRotation implements KeyRotation {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DataSealing sealing;

    AuthenticatorSecretRotation(JdbcClient jdbc, TransactionTemplate transaction, DataSealing sealing) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.sealing = sealing;
    }

    @Override
    public String description() {
        return "staff authenticator app secrets";
    }

    @Override
    public long remaining() {
        return jdbc.sql("SELECT count(*) FROM staff_authenticator_app WHERE secret_key <> :seal")
                .param("seal", sealing.currentSealKey())
                .query(Long.class)
                .single();
    }

    @Override
    public int rotateBatch(int size) {
        Integer rotated = transaction.execute(status -> {
            record Row(UUID account, Sealed sealed) {}
            List<Row> rows = jdbc.sql(
                            """
                    SELECT staff_account_id, secret_key, secret_sealed FROM staff_authenticator_app
                    WHERE secret_key <> :seal
                    ORDER BY staff_account_id LIMIT :size FOR UPDATE""")
                    .param("seal", sealing.currentSealKey())
                    .param("size", size)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), new Sealed(rs.getString(2), rs.getBytes(3))))
                    .list();
            for (Row row : rows) {
                Sealed sealed = sealing.seal(sealing.open(row.sealed(), row.account()), row.account());
                jdbc.sql(
                                """
                        UPDATE staff_authenticator_app SET secret_sealed = :sealed, secret_key = :seal
                        WHERE staff_account_id = :account""")
                        .param("sealed", sealed.bytes())
                        .param("seal", sealed.keyId())
                        .param("account", row.account())
                        .update();
            }
            return rows.size();
        });
        return rotated == null ? 0 : rotated;
    }
}
