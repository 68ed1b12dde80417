package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.shared.PostalAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registration's writes that decide races. Not JPA: each is an idempotent {@code INSERT … ON CONFLICT DO
 * NOTHING} whose row count says who won, which a persist-and-flush cannot say without failing the transaction.
 */
@Component
class RegistrationInserts {

    private final JdbcClient jdbc;
    private final DataSealing sealing;

    RegistrationInserts(JdbcClient jdbc, DataSealing sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
    }

    record Submission(String fingerprint, UUID patronId) {}

    /** The submission token's idempotency record; read beside its ON CONFLICT insert, it is no aggregate. */
    Optional<Submission> submission(UUID staffId, String token) {
        return jdbc.sql(
                        "SELECT fingerprint, patron_id FROM patron_submission WHERE staff_account_id = :staff AND token = :token")
                .param("staff", staffId)
                .param("token", token)
                .query((rs, n) -> new Submission(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** @return false when the token was already recorded (by this or a concurrent transaction that committed) */
    boolean recordSubmission(UUID staffId, String token, String fingerprint, UUID patronId, Instant now) {
        return jdbc.sql(
                                """
                INSERT INTO patron_submission (staff_account_id, token, fingerprint, patron_id, created_at)
                VALUES (:staff, :token, :fingerprint, :patron, :now) ON CONFLICT DO NOTHING""")
                        .param("staff", staffId)
                        .param("token", token)
                        .param("fingerprint", fingerprint)
                        .param("patron", patronId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Forgets an erased patron's submission records: their fingerprint is a digest of the registration form, which
     * the identity code alone nearly decides.
     */
    void forget(UUID patronId) {
        jdbc.sql("DELETE FROM patron_submission WHERE patron_id = :patron")
                .param("patron", patronId)
                .update();
    }

    /** Whether a patron's identity code has this blind index (under an index key {@code rotate-keys} is leaving). */
    boolean identityCodeIndexTaken(byte[] index) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM patron WHERE identity_code_index = :index)")
                .param("index", index)
                .query(Boolean.class)
                .single();
    }

    /**
     * The new patron, numbered from the sequence in the same statement, the identity code sealed with the patron's
     * id as associated data.
     *
     * @return false when the identity code is already registered (the unique constraint on its blind index decides)
     */
    boolean insert(UUID id, NewPatron p, UUID staffId, String staffName, Instant now) {
        String code = p.identityCode() == null ? null : p.identityCode().value();
        var sealed = code == null ? null : sealing.seal(code, id);
        var index = code == null ? null : sealing.index(code);
        return jdbc.sql(
                                """
                INSERT INTO patron (id, patron_number, identity_code_sealed, identity_code_key, identity_code_index,
                    identity_code_index_key, birth_date, no_identity_code_reason, first_name,
                    last_name, search_name, email, phone, street_address, postal_code, city, language, channel,
                    eligibility, service_online, service_cd_clubs, consent, credentials_by, contact_name,
                    contact_relation, contact_phone, contact_email, credentials_to, guardian_name, guardian_phone,
                    guardian_email, guardian_consent, organisation_id, registered_by, registered_by_name,
                    registered_at, status, updated_at)
                VALUES (:id, 'C' || lpad(nextval('patron_number_seq')::text, 7, '0'), :sealed, :sealKey, :index, :indexKey,
                    :birthDate, :reason,
                    :firstName, :lastName, :searchName, :email, :phone, :street, :postalCode, :city, :language,
                    :channel, :eligibility, :online, :cd, :consent, :credentialsBy, :contactName, :contactRelation,
                    :contactPhone, :contactEmail, :credentialsTo, :guardianName, :guardianPhone, :guardianEmail,
                    :guardianConsent, :organisation, :staff, :staffName, :now, 'ACTIVE', :now)
                ON CONFLICT (identity_code_index) DO NOTHING""")
                        .param("id", id)
                        .param("sealed", sealed == null ? null : sealed.bytes())
                        .param("sealKey", sealed == null ? null : sealed.keyId())
                        .param("index", index == null ? null : index.value())
                        .param("indexKey", index == null ? null : index.keyId())
                        .param("birthDate", p.effectiveBirthDate())
                        .param("reason", p.noIdentityCodeReason())
                        .param("firstName", p.firstName())
                        .param("lastName", p.lastName())
                        .param("searchName", Patron.searchName(p.firstName() + " " + p.lastName()))
                        .param("email", p.email())
                        .param("phone", p.phone())
                        .param("street", PostalAddress.streetOf(p.postalAddress()))
                        .param("postalCode", PostalAddress.postalCodeOf(p.postalAddress()))
                        .param("city", PostalAddress.cityOf(p.postalAddress()))
                        .param("language", p.language())
                        .param("channel", p.channel())
                        .param("eligibility", p.eligibility())
                        .param("online", p.serviceOnline())
                        .param("cd", p.serviceCdClubs())
                        .param("consent", p.consent())
                        .param("credentialsBy", p.credentialsBy())
                        .param("contactName", p.contactName())
                        .param("contactRelation", p.contactRelation())
                        .param("contactPhone", p.contactPhone())
                        .param("contactEmail", p.contactEmail())
                        .param("credentialsTo", p.credentialsTo())
                        .param("guardianName", p.guardianName())
                        .param("guardianPhone", p.guardianPhone())
                        .param("guardianEmail", p.guardianEmail())
                        .param("guardianConsent", p.guardianConsent())
                        .param("organisation", p.organisationId())
                        .param("staff", staffId)
                        .param("staffName", staffName)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
