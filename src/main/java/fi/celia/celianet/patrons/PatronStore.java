package fi.celia.celianet.patrons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The patron tables, in SQL: the writes that must decide races use INSERT … ON CONFLICT. */
@Component
class PatronStore {

    static final RowMapper<Patron> PATRON = PatronStore::map;

    private final JdbcClient jdbc;

    PatronStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Submission(String fingerprint, UUID patronId) {
    }

    Optional<Submission> submission(UUID staffId, String token) {
        return jdbc.sql("SELECT fingerprint, patron_id FROM patron_submission WHERE staff_account_id = :staff AND token = :token")
                .param("staff", staffId).param("token", token)
                .query((rs, n) -> new Submission(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    /** @return false when the token was already recorded (by this or a concurrent transaction that committed) */
    boolean recordSubmission(UUID staffId, String token, String fingerprint, UUID patronId, Instant now) {
        return jdbc.sql("""
                INSERT INTO patron_submission (staff_account_id, token, fingerprint, patron_id, created_at)
                VALUES (:staff, :token, :fingerprint, :patron, :now) ON CONFLICT DO NOTHING""")
                .param("staff", staffId).param("token", token).param("fingerprint", fingerprint)
                .param("patron", patronId).param("now", Timestamp.from(now)).update() == 1;
    }

    /** @return false when the identity code is already registered (the unique constraint decides) */
    boolean insert(UUID id, NewPatron p, UUID staffId, String staffName, Instant now) {
        return jdbc.sql("""
                INSERT INTO patron (id, patron_number, identity_code, birth_date, no_identity_code_reason, first_name,
                    last_name, search_name, email, phone, street_address, postal_code, city, language, channel,
                    eligibility, service_online, service_cd_clubs, consent, paper_credentials, contact_name,
                    contact_relation, contact_phone, contact_email, credentials_to, guardian_name, guardian_phone,
                    guardian_email, guardian_consent, organisation_id, registered_by, registered_by_name,
                    registered_at, status, updated_at)
                VALUES (:id, 'C' || lpad(nextval('patron_number_seq')::text, 7, '0'), :code, :birthDate, :reason,
                    :firstName, :lastName, :searchName, :email, :phone, :street, :postalCode, :city, :language,
                    :channel, :eligibility, :online, :cd, :consent, :paper, :contactName, :contactRelation,
                    :contactPhone, :contactEmail, :credentialsTo, :guardianName, :guardianPhone, :guardianEmail,
                    :guardianConsent, :organisation, :staff, :staffName, :now, 'ACTIVE', :now)
                ON CONFLICT (identity_code) DO NOTHING""")
                .param("id", id)
                .param("code", p.identityCode() == null ? null : p.identityCode().value())
                .param("birthDate", p.effectiveBirthDate())
                .param("reason", p.noIdentityCodeReason())
                .param("firstName", p.firstName()).param("lastName", p.lastName())
                .param("searchName", searchName(p.firstName() + " " + p.lastName()))
                .param("email", p.email()).param("phone", p.phone()).param("street", p.streetAddress())
                .param("postalCode", p.postalCode()).param("city", p.city()).param("language", p.language())
                .param("channel", p.channel()).param("eligibility", p.eligibility())
                .param("online", p.serviceOnline()).param("cd", p.serviceCdClubs()).param("consent", p.consent())
                .param("paper", p.paperCredentials()).param("contactName", p.contactName())
                .param("contactRelation", p.contactRelation()).param("contactPhone", p.contactPhone())
                .param("contactEmail", p.contactEmail()).param("credentialsTo", p.credentialsTo())
                .param("guardianName", p.guardianName()).param("guardianPhone", p.guardianPhone())
                .param("guardianEmail", p.guardianEmail()).param("guardianConsent", p.guardianConsent())
                .param("organisation", p.organisationId()).param("staff", staffId).param("staffName", staffName)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    Optional<Patron> find(UUID id) {
        return jdbc.sql("SELECT * FROM patron WHERE id = :id").param("id", id).query(PATRON).optional();
    }

    /** Patrons by id, in chunks well under PostgreSQL's limit of bind parameters. */
    List<Patron> findAll(java.util.Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<Patron> found = new java.util.ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += 10_000) {
            UUID[] chunk = all.subList(from, Math.min(all.size(), from + 10_000)).toArray(UUID[]::new);
            found.addAll(jdbc.sql("SELECT * FROM patron WHERE id = ANY(:ids)").param("ids", chunk).query(PATRON).list());
        }
        return found;
    }

    Optional<Patron> findByIdentityCode(String code) {
        return jdbc.sql("SELECT * FROM patron WHERE identity_code = :code").param("code", code).query(PATRON).optional();
    }

    Optional<Patron> findByNumber(String number) {
        return jdbc.sql("SELECT * FROM patron WHERE patron_number = :number").param("number", number)
                .query(PATRON).optional();
    }

    /**
     * Patrons matching an e-mail address or a name fragment, newest first; {@code organisationId} null for
     * every organisation. Fetches one row more than {@code limit} so the caller knows whether a next page exists.
     */
    List<Patron> search(String email, String nameFragment, UUID organisationId, int limit, int offset) {
        String where = email != null ? "lower(email) = lower(:q)" : "search_name LIKE :q ESCAPE '\\'";
        String q = email != null ? email : "%" + likeEscape(searchName(nameFragment)) + "%";
        return jdbc.sql("SELECT * FROM patron WHERE " + where
                        + (organisationId == null ? "" : " AND organisation_id = :org")
                        + " AND status <> 'ERASED' ORDER BY last_name, first_name, registered_at DESC LIMIT :limit OFFSET :offset")
                .param("q", q).param("org", organisationId).param("limit", limit + 1).param("offset", offset)
                .query(PATRON).list();
    }

    /**
     * Other patrons with the same name and birth date, or the same e-mail address: possible duplicates. A patron
     * with the very same identity code is not among them: that is a real duplicate, decided by the constraint.
     */
    List<Patron> softDuplicates(NewPatron p) {
        return jdbc.sql("""
                SELECT * FROM patron WHERE status <> 'ERASED'
                AND (:code::text IS NULL OR identity_code IS NULL OR identity_code <> :code::text) AND (
                    (search_name = :searchName AND birth_date = :birthDate)
                    OR (:email::text IS NOT NULL AND lower(email) = lower(:email::text)))
                ORDER BY registered_at DESC LIMIT 20""")
                .param("searchName", searchName(p.firstName() + " " + p.lastName()))
                .param("birthDate", p.effectiveBirthDate()).param("email", p.email())
                .param("code", p.identityCode() == null ? null : p.identityCode().value())
                .query(PATRON).list();
    }

    List<Patron> latestOf(UUID organisationId, int limit) {
        return jdbc.sql("SELECT * FROM patron WHERE organisation_id = :org ORDER BY registered_at DESC LIMIT :limit")
                .param("org", organisationId).param("limit", limit).query(PATRON).list();
    }

    boolean storePasswordHash(UUID id, String hash, Instant now) {
        return jdbc.sql("""
                UPDATE patron SET password_hash = :hash, password_set_at = :now, updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'ACTIVE'""")
                .param("hash", hash).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    void update(UUID id, PatronChanges c, Instant now) {
        jdbc.sql("""
                UPDATE patron SET email = :email, phone = :phone, street_address = :street, postal_code = :postalCode,
                    city = :city, language = :language, service_online = :online, service_cd_clubs = :cd,
                    contact_name = :contactName, contact_relation = :contactRelation, contact_phone = :contactPhone,
                    contact_email = :contactEmail, credentials_to = :credentialsTo, guardian_name = :guardianName,
                    guardian_phone = :guardianPhone, guardian_email = :guardianEmail, guardian_consent = :guardianConsent,
                    updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("email", c.email()).param("phone", c.phone()).param("street", c.streetAddress())
                .param("postalCode", c.postalCode()).param("city", c.city()).param("language", c.language())
                .param("online", c.serviceOnline()).param("cd", c.serviceCdClubs()).param("contactName", c.contactName())
                .param("contactRelation", c.contactRelation()).param("contactPhone", c.contactPhone())
                .param("contactEmail", c.contactEmail()).param("credentialsTo", c.credentialsTo())
                .param("guardianName", c.guardianName()).param("guardianPhone", c.guardianPhone())
                .param("guardianEmail", c.guardianEmail()).param("guardianConsent", c.guardianConsent())
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    boolean close(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE patron SET status = 'CLOSED', closed_at = :now, closed_reason = :reason, password_hash = NULL,
                    updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'ACTIVE'""")
                .param("now", Timestamp.from(now)).param("reason", reason).param("id", id).update() == 1;
    }

    /** Replaces the personal data of a closed patron by a marker; the patron number stays. */
    boolean erase(UUID id, String marker, Instant now) {
        int erased = jdbc.sql("""
                UPDATE patron SET status = 'ERASED', identity_code = NULL, birth_date = NULL,
                    no_identity_code_reason = NULL, first_name = :marker, last_name = :marker, search_name = '',
                    email = NULL, phone = NULL, street_address = NULL, postal_code = NULL, city = NULL,
                    contact_name = NULL, contact_relation = NULL, contact_phone = NULL, contact_email = NULL,
                    guardian_name = NULL, guardian_phone = NULL, guardian_email = NULL, closed_reason = NULL,
                    password_hash = NULL, updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'CLOSED'""")
                .param("marker", marker).param("now", Timestamp.from(now)).param("id", id).update();
        if (erased == 1) {
            jdbc.sql("UPDATE patron_history SET old_value = NULL, new_value = NULL WHERE patron_id = :id AND field <> 'organisation'")
                    .param("id", id).update();
        }
        return erased == 1;
    }

    void changeOrganisation(UUID id, UUID organisationId, Instant now) {
        jdbc.sql("UPDATE patron SET organisation_id = :org, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("org", organisationId).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void history(UUID patronId, Instant at, String actor, String field, String oldValue, String newValue) {
        jdbc.sql("""
                INSERT INTO patron_history (patron_id, changed_at, changed_by, field, old_value, new_value)
                VALUES (:id, :at, :actor, :field, :old, :new)""")
                .param("id", patronId).param("at", Timestamp.from(at)).param("actor", actor).param("field", field)
                .param("old", oldValue).param("new", newValue).update();
    }

    record HistoryEntry(Instant at, String actor, String field, String oldValue, String newValue) {
    }

    List<HistoryEntry> history(UUID patronId) {
        return jdbc.sql("SELECT * FROM patron_history WHERE patron_id = :id ORDER BY changed_at DESC, id DESC")
                .param("id", patronId)
                .query((rs, n) -> new HistoryEntry(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                        rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }

    /** Lower case without accents, for case- and accent-insensitive name search. */
    static String searchName(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text.trim(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Patron map(ResultSet rs, int n) throws SQLException {
        return new Patron(rs.getObject("id", UUID.class), rs.getString("patron_number"), rs.getString("identity_code"),
                rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("no_identity_code_reason"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("street_address"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("language"), rs.getString("channel"), rs.getString("eligibility"),
                rs.getBoolean("service_online"), rs.getBoolean("service_cd_clubs"), rs.getBoolean("consent"),
                rs.getBoolean("paper_credentials"), rs.getString("contact_name"), rs.getString("contact_relation"),
                rs.getString("contact_phone"), rs.getString("contact_email"), rs.getString("credentials_to"),
                rs.getString("guardian_name"), rs.getString("guardian_phone"), rs.getString("guardian_email"),
                rs.getBoolean("guardian_consent"), rs.getObject("organisation_id", UUID.class),
                rs.getObject("registered_by", UUID.class), rs.getString("registered_by_name"),
                instant(rs, "registered_at"), rs.getString("status"), instant(rs, "closed_at"),
                rs.getString("closed_reason"), rs.getString("password_hash") != null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
