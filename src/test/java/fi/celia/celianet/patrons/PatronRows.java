package fi.celia.celianet.patrons;

import fi.celia.celianet.sealing.DataSealing;
import fi.celia.celianet.support.TestSealing;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Patrons written straight to the table, for lists: one at a time with the columns a list shows chosen, or thousands
 * in one {@code INSERT … SELECT}. The patron number comes from the registration's own sequence.
 */
public final class PatronRows {

    private final JdbcClient jdbc;
    private final UUID organisation;
    private final UUID registrar;
    private String firstName = "Anna";
    private String lastName = "Listanen";
    private String identityCode;
    private Instant registeredAt = Instant.parse("2026-03-01T10:00:00Z");
    private String status = "ACTIVE";
    private boolean online = true;
    private boolean cdClubs;
    private String credentialsBy = "EMAIL";
    private String email;
    private boolean password;
    private DataSealing sealing = TestSealing.SEALING;

    private PatronRows(JdbcClient jdbc, UUID organisation, UUID registrar) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.registrar = registrar;
    }

    public static PatronRows in(JdbcClient jdbc, UUID organisation, UUID registrar) {
        return new PatronRows(jdbc, organisation, registrar);
    }

    public PatronRows name(String first, String last) {
        this.firstName = first;
        this.lastName = last;
        return this;
    }

    public PatronRows identityCode(String code) {
        this.identityCode = code;
        return this;
    }

    /** Seals the identity code with these keys instead of the tests' own (a patron from before a key rotation). */
    public PatronRows sealedWith(DataSealing sealing) {
        this.sealing = sealing;
        return this;
    }

    public PatronRows registeredAt(Instant at) {
        this.registeredAt = at;
        return this;
    }

    public PatronRows status(String status) {
        this.status = status;
        return this;
    }

    public PatronRows services(boolean online, boolean cdClubs) {
        this.online = online;
        this.cdClubs = cdClubs;
        return this;
    }

    public PatronRows credentialsBy(String by) {
        this.credentialsBy = by;
        return this;
    }

    public PatronRows email(String email) {
        this.email = email;
        return this;
    }

    public PatronRows password() {
        this.password = true;
        return this;
    }

    /** Writes one patron as set so far. @return its id */
    public UUID insert() {
        UUID id = UUID.randomUUID();
        var sealed = identityCode == null ? null : sealing.seal(identityCode, id);
        var index = identityCode == null ? null : sealing.index(identityCode);
        jdbc.sql(
                        """
                INSERT INTO patron (id, patron_number, identity_code_sealed, identity_code_key, identity_code_index,
                    identity_code_index_key, birth_date, no_identity_code_reason, first_name, last_name, search_name, email, language, channel, eligibility, service_online, service_cd_clubs,
                    consent, credentials_by, organisation_id, registered_by, registered_by_name, registered_at, status,
                    closed_at, password_hash, password_set_at, updated_at)
                VALUES (:id, 'C' || lpad(nextval('patron_number_seq')::text, 7, '0'), :sealed, :sealKey, :index,
                    :indexKey, DATE '1950-01-01', CASE WHEN CAST(:sealKey AS text) IS NULL THEN 'test' END, :first, :last, lower(:first || ' ' || :last),
                    :email, 'fi', 'IN_PERSON', 'VISUAL', :online, :cd, true, :by, :organisation, :registrar, 'Test',
                    :at, :status, CASE WHEN :status <> 'ACTIVE' THEN CAST(:at AS timestamptz) END,
                    CASE WHEN :password THEN 'hash' END, CASE WHEN :password THEN CAST(:at AS timestamptz) END, :at)""")
                .param("id", id)
                .param("sealed", sealed == null ? null : sealed.bytes())
                .param("sealKey", sealed == null ? null : sealed.keyId())
                .param("index", index == null ? null : index.value())
                .param("indexKey", index == null ? null : index.keyId())
                .param("first", firstName)
                .param("last", lastName)
                .param("email", email)
                .param("online", online)
                .param("cd", cdClubs)
                .param("by", credentialsBy)
                .param("organisation", organisation)
                .param("registrar", registrar)
                .param("at", Timestamp.from(registeredAt))
                .param("status", status)
                .param("password", password)
                .update();
        return id;
    }

    /**
     * Writes {@code count} patrons in one statement: first names {@code "Nro 00001"}… in order, registered a minute
     * apart from {@link #registeredAt}, otherwise as set. @return how many were written
     */
    public int insertMany(int count) {
        return jdbc.sql(
                        """
                INSERT INTO patron (id, patron_number, birth_date, no_identity_code_reason, first_name, last_name,
                    search_name, language, channel, eligibility, service_online, service_cd_clubs, consent,
                    credentials_by, organisation_id, registered_by, registered_by_name, registered_at, status,
                    updated_at)
                SELECT gen_random_uuid(), 'C' || lpad(nextval('patron_number_seq')::text, 7, '0'), DATE '1950-01-01',
                    'test', 'Nro ' || lpad(g::text, 5, '0'), :last, lower('nro ' || g || ' ' || :last), 'fi',
                    'IN_PERSON', 'VISUAL', :online, :cd, true, :by, :organisation, :registrar, 'Test',
                    CAST(:at AS timestamptz) + g * interval '1 minute', :status, now()
                FROM generate_series(1, :count) g""")
                .param("last", lastName)
                .param("online", online)
                .param("cd", cdClubs)
                .param("by", credentialsBy)
                .param("organisation", organisation)
                .param("registrar", registrar)
                .param("at", Timestamp.from(registeredAt))
                .param("status", status)
                .param("count", count)
                .update();
    }
}
