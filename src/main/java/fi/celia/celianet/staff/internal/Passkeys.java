package fi.celia.celianet.staff.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys staff accounts have registered, by user name. Spring creates an account's WebAuthn user entity as
 * soon as the account asks to register a passkey, so an account counts as enrolled only once a passkey of it is
 * stored.
 */
@Service
public class Passkeys {

    private final JdbcClient jdbc;

    Passkeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the account has at least one passkey. */
    @Transactional(readOnly = true)
    public boolean enrolled(String username) {
        return count(username) > 0;
    }

    /** How many passkeys the account has. */
    @Transactional(readOnly = true)
    public int count(String username) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM user_credentials c
                        JOIN user_entities e ON e.id = c.user_entity_user_id
                        WHERE e.name = :username
                        """)
                .param("username", username)
                .query(Integer.class)
                .single();
    }

    /** Removes every passkey of the account and its WebAuthn identity (an administrator removing the factor). */
    @Transactional
    public void remove(String username) {
        jdbc.sql(
                        """
                        DELETE FROM user_credentials
                        WHERE user_entity_user_id IN (SELECT id FROM user_entities WHERE name = :username)
                        """)
                .param("username", username)
                .update();
        jdbc.sql("DELETE FROM user_entities WHERE name = :username")
                .param("username", username)
                .update();
    }
}
