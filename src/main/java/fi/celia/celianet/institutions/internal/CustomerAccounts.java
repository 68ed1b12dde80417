package fi.celia.celianet.institutions.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fi.celia.celianet.audit.AuditLog;
import fi.celia.celianet.credentials.spi.PasswordTarget;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations' own customer accounts for borrowing. The contact receives an activation link and sets the
 * password through the credentials pages, which hand the hash over here.
 */
@Service
public class CustomerAccounts implements PasswordTarget {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CustomerAccounts(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the account, without a password, with the customer number as its user name. */
    @Transactional
    public UUID create(UUID organisationId, String username, String email, String language) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        jdbc.sql("""
                INSERT INTO customer_account (id, organisation_id, username, email, language, created_at, updated_at)
                VALUES (:id, :o, :u, :e, :l, :now, :now)""")
                .param("id", id).param("o", organisationId).param("u", username).param("e", email)
                .param("l", language).param("now", Timestamp.from(now)).update();
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<String> usernameOf(UUID organisationId) {
        return jdbc.sql("SELECT username FROM customer_account WHERE organisation_id = :o").param("o", organisationId)
                .query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public boolean hasPassword(UUID accountId) {
        return jdbc.sql("SELECT password_hash IS NOT NULL FROM customer_account WHERE id = :id").param("id", accountId)
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public Set<TokenPurpose> purposes() {
        return EnumSet.of(TokenPurpose.CUSTOMER_ACTIVATION);
    }

    @Override
    @Transactional
    public void storePasswordHash(UUID subjectId, String passwordHash) {
        int updated = jdbc.sql("UPDATE customer_account SET password_hash = :h, updated_at = :now WHERE id = :id AND active")
                .param("h", passwordHash).param("now", Timestamp.from(Instant.now(clock))).param("id", subjectId)
                .update();
        if (updated == 0) {
            throw new NotFoundException();
        }
        audit.success("customer", "CUSTOMER_PASSWORD_SET", "CUSTOMER_ACCOUNT", subjectId, null);
    }
}
