package fi.celia.celianet.credentials;

import fi.celia.celianet.credentials.spi.PasswordTarget;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tokens for links in e-mail. Only a SHA-256 of each token is stored; the token itself exists
 * only in the link that is mailed. Issuing a token revokes the earlier unused ones of the same subject and
 * purpose, so a resent link invalidates the one before it.
 */
@Service
public class CredentialTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    // JdbcClient, not JPA: tokens are write-once rows, consumed under a row lock and revoked set-wise per subject.
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ObjectProvider<PasswordTarget> targets;

    CredentialTokens(
            JdbcClient jdbc,
            Clock clock,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ObjectProvider<PasswordTarget> targets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.encoder = encoder;
        this.targets = targets;
    }

    /** Issues a new token and returns it in clear, to be put into a link and never stored. */
    @Transactional
    public String issue(TokenPurpose purpose, UUID subjectId) {
        Instant now = Instant.now(clock);
        revoke(subjectId, purpose, now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql(
                        """
                INSERT INTO credential_token (id, token_hash, purpose, subject_id, created_at, expires_at)
                VALUES (:id, :hash, :purpose, :subject, :now, :expires)""")
                .param("id", UUID.randomUUID())
                .param("hash", hash(token))
                .param("purpose", purpose.name())
                .param("subject", subjectId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(purpose.validity())))
                .update();
        return token;
    }

    /**
     * Issues a new short code ({@link ActivationCode}) and returns it in clear, grouped for reading, to be printed
     * or read out and never stored; the earlier unused code of the subject and purpose stops working. Only the
     * hash of its normalised form is kept.
     */
    @Transactional
    public String issueCode(TokenPurpose purpose, UUID subjectId) {
        Instant now = Instant.now(clock);
        revoke(subjectId, purpose, now);
        String code = ActivationCode.generate(RANDOM);
        jdbc.sql(
                        """
                INSERT INTO credential_token (id, token_hash, purpose, subject_id, created_at, expires_at)
                VALUES (:id, :hash, :purpose, :subject, :now, :expires)""")
                .param("id", UUID.randomUUID())
                .param("hash", hash(ActivationCode.normalise(code)))
                .param("purpose", purpose.name())
                .param("subject", subjectId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(purpose.validity())))
                .update();
        return code;
    }

    /** Revokes every unused token of the subject, for example when its account is deactivated. */
    @Transactional
    public void revokeAll(UUID subjectId) {
        jdbc.sql(
                        "UPDATE credential_token SET revoked_at = :now WHERE subject_id = :subject AND used_at IS NULL AND revoked_at IS NULL")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("subject", subjectId)
                .update();
    }

    /**
     * Deletes the tokens that stopped working (used, revoked or expired, whichever came first) before a moment, a
     * batch at a time, each batch in its own transaction so a long backlog never holds one. @return how many
     */
    public int deleteSpentBefore(Instant cutoff, int batchSize) {
        // JDBC: a set-wise delete by batch (LEAST skips the nulls: the first moment the token stopped working).
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(
                            """
                DELETE FROM credential_token WHERE id IN (SELECT id FROM credential_token
                    WHERE LEAST(used_at, revoked_at, expires_at) < :cutoff LIMIT :batch)""")
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("batch", batchSize)
                    .update();
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    @Transactional(readOnly = true)
    public TokenState inspect(String token, Set<TokenPurpose> accepted) {
        return find(token, accepted, false).map(this::stateOf).orElse(TokenState.UNKNOWN);
    }

    /**
     * The link as its page shows it: its state, purpose and whose account it opens (asked of the account's owner).
     * A used or revoked link still tells whose it was, so the page after the password is set can say where to sign
     * in.
     */
    @Transactional(readOnly = true)
    public LinkView view(String token, Set<TokenPurpose> accepted) {
        return find(token, accepted, false)
                .map(row -> {
                    Optional<PasswordTarget.AccountHolder> holder = targets.orderedStream()
                            .filter(t -> t.purposes().contains(row.purpose()))
                            .findFirst()
                            .flatMap(t -> t.holder(row.subjectId()));
                    return new LinkView(
                            stateOf(row),
                            row.purpose(),
                            holder.map(PasswordTarget.AccountHolder::userName).orElse(null),
                            holder.map(PasswordTarget.AccountHolder::language).orElse(null));
                })
                .orElse(LinkView.UNKNOWN);
    }

    /**
     * Sets the password of the token's subject and uses the token up, in one transaction.
     *
     * @return the state the token was in; the password was set only when it was {@link TokenState#VALID}
     * @throws PasswordRejectedException when the password breaks the policy (the token stays usable)
     */
    @Transactional
    public TokenState redeem(String token, Set<TokenPurpose> accepted, String password) {
        Optional<Row> found = find(token, accepted, true);
        if (found.isEmpty()) {
            return TokenState.UNKNOWN;
        }
        Row row = found.get();
        TokenState state = stateOf(row);
        if (state != TokenState.VALID) {
            return state;
        }
        PasswordTarget target = targets.orderedStream()
                .filter(t -> t.purposes().contains(row.purpose()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No password target for " + row.purpose()));
        List<String> personal = new ArrayList<>();
        target.holder(row.subjectId()).ifPresent(holder -> {
            personal.add(holder.userName());
            personal.addAll(holder.personalWords());
        });
        policy.problem(password, personal).ifPresent(key -> {
            throw new PasswordRejectedException(key);
        });
        target.storePasswordHash(row.subjectId(), encoder.encode(password));
        jdbc.sql("UPDATE credential_token SET used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", row.id())
                .update();
        return TokenState.VALID;
    }

    /**
     * Uses up a token that sets no password (a second-factor enrolment link) when it is valid and belongs to the
     * given subject, in one transaction.
     *
     * @return the state the token was in; it was used up only when {@link TokenState#VALID}. A token of another
     *     subject reads as {@link TokenState#UNKNOWN} and stays usable by its owner.
     */
    @Transactional
    public TokenState use(String token, TokenPurpose purpose, UUID subjectId) {
        Optional<Row> found =
                find(token, Set.of(purpose), true).filter(row -> row.subjectId().equals(subjectId));
        if (found.isEmpty()) {
            return TokenState.UNKNOWN;
        }
        TokenState state = stateOf(found.get());
        if (state == TokenState.VALID) {
            jdbc.sql("UPDATE credential_token SET used_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(Instant.now(clock)))
                    .param("id", found.get().id())
                    .update();
        }
        return state;
    }

    private void revoke(UUID subjectId, TokenPurpose purpose, Instant now) {
        jdbc.sql(
                        """
                UPDATE credential_token SET revoked_at = :now
                WHERE subject_id = :subject AND purpose = :purpose AND used_at IS NULL AND revoked_at IS NULL""")
                .param("now", Timestamp.from(now))
                .param("subject", subjectId)
                .param("purpose", purpose.name())
                .update();
    }

    private Optional<Row> find(String token, Set<TokenPurpose> accepted, boolean lock) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "SELECT id, purpose, subject_id, expires_at, used_at, revoked_at FROM credential_token WHERE token_hash = :hash"
                                + (lock ? " FOR UPDATE" : ""))
                .param("hash", hash(token))
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        TokenPurpose.valueOf(rs.getString("purpose")),
                        rs.getObject("subject_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null || rs.getTimestamp("revoked_at") != null))
                .optional()
                .filter(row -> accepted.contains(row.purpose()));
    }

    private TokenState stateOf(Row row) {
        if (row.spent()) {
            return TokenState.USED;
        }
        return Instant.now(clock).isBefore(row.expiresAt()) ? TokenState.VALID : TokenState.EXPIRED;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(UUID id, TokenPurpose purpose, UUID subjectId, Instant expiresAt, boolean spent) {}
}
