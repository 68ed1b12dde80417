package fi.celia.celianet.institutions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fi.celia.celianet.institutions.ApplicationStatus;
import fi.celia.celianet.institutions.HistoryEntry;
import fi.celia.celianet.institutions.NewApplication;
import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.staff.OrganisationType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application tables, through plain SQL. Callers bring the transaction. */
@Repository
public class ApplicationStore {

    private static final RowMapper<ApplicationRow> ROW = ApplicationStore::row;

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next reference number of the year; locks the year's counter until the transaction ends. */
    public int nextReferenceNumber(int year) {
        return jdbc.sql("""
                INSERT INTO institution_reference_counter (year, last_value) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = institution_reference_counter.last_value + 1
                RETURNING last_value""").param("year", year).query(Integer.class).single();
    }

    public Optional<ApplicationRow> findBySubmissionToken(String submissionToken) {
        return jdbc.sql("SELECT * FROM institution_application WHERE submission_token = :t")
                .param("t", submissionToken).query(ROW).optional();
    }

    public Optional<ApplicationRow> findByTrackingToken(String trackingToken) {
        return jdbc.sql("SELECT * FROM institution_application WHERE tracking_token = :t")
                .param("t", trackingToken).query(ROW).optional();
    }

    public Optional<ApplicationRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM institution_application WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /** Reads the row and locks it until the transaction ends: a second decision waits and then sees the first. */
    public Optional<ApplicationRow> lock(UUID id) {
        return jdbc.sql("SELECT * FROM institution_application WHERE id = :id FOR UPDATE").param("id", id)
                .query(ROW).optional();
    }

    public int countByEmailSince(String email, Instant since) {
        return jdbc.sql("SELECT count(*) FROM institution_application WHERE lower(email) = lower(:e) AND submitted_at >= :since")
                .param("e", email).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    public int countByClientSince(String clientAddress, Instant since) {
        return jdbc.sql("SELECT count(*) FROM institution_application WHERE client_address = :c AND submitted_at >= :since")
                .param("c", clientAddress).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    public void insert(UUID id, String reference, String trackingToken, NewApplication a, Instant now) {
        jdbc.sql("""
                INSERT INTO institution_application (id, reference, tracking_token, submission_token, status,
                    organisation_name, organisation_type, business_id, no_business_id_reason, contact_name, email, phone,
                    street_address, postal_code, city, message, language, client_address, submitted_at)
                VALUES (:id, :reference, :tracking, :submission, 'RECEIVED', :name, :type, :businessId, :reason,
                    :contact, :email, :phone, :street, :postal, :city, :message, :language, :client, :now)""")
                .param("id", id).param("reference", reference).param("tracking", trackingToken)
                .param("submission", a.submissionToken()).param("name", a.organisationName())
                .param("type", a.type().name()).param("businessId", a.businessId())
                .param("reason", a.noBusinessIdReason()).param("contact", a.contactName()).param("email", a.email())
                .param("phone", a.phone()).param("street", a.streetAddress()).param("postal", a.postalCode())
                .param("city", a.city()).param("message", a.message()).param("language", a.language())
                .param("client", a.clientAddress()).param("now", Timestamp.from(now))
                .update();
        int position = 0;
        for (Registrar registrar : a.registrars()) {
            jdbc.sql("INSERT INTO institution_application_registrar (application_id, position, name, email) VALUES (:id, :p, :n, :e)")
                    .param("id", id).param("p", position++).param("n", registrar.name()).param("e", registrar.email())
                    .update();
        }
    }

    public List<Registrar> registrars(UUID applicationId) {
        return jdbc.sql("SELECT name, email FROM institution_application_registrar WHERE application_id = :id ORDER BY position")
                .param("id", applicationId).query((rs, n) -> new Registrar(rs.getString("name"), rs.getString("email")))
                .list();
    }

    public void linkRegistrarAccount(UUID applicationId, int position, UUID accountId) {
        jdbc.sql("UPDATE institution_application_registrar SET staff_account_id = :a WHERE application_id = :id AND position = :p")
                .param("a", accountId).param("id", applicationId).param("p", position).update();
    }

    public void assign(UUID id, UUID assigneeId, String assigneeName, ApplicationStatus status) {
        jdbc.sql("""
                UPDATE institution_application SET assignee_id = :a, assignee_name = :n, status = :s, version = version + 1
                WHERE id = :id""")
                .param("a", assigneeId).param("n", assigneeName).param("s", status.name()).param("id", id).update();
    }

    public void waitForApplicant(UUID id, Instant since) {
        jdbc.sql("""
                UPDATE institution_application SET status = 'WAITING_FOR_APPLICANT', waiting_since = :since,
                    version = version + 1 WHERE id = :id""")
                .param("since", Timestamp.from(since)).param("id", id).update();
    }

    public void resume(UUID id, ApplicationStatus status, int pausedWorkingDays) {
        jdbc.sql("""
                UPDATE institution_application SET status = :s, waiting_since = NULL, paused_working_days = :p,
                    version = version + 1 WHERE id = :id""")
                .param("s", status.name()).param("p", pausedWorkingDays).param("id", id).update();
    }

    public void decide(UUID id, ApplicationStatus status, Instant at, String by, String reason, int pausedWorkingDays,
            int workingDays, UUID organisationId) {
        jdbc.sql("""
                UPDATE institution_application SET status = :s, decided_at = :at, decided_by = :by, decision_reason = :r,
                    waiting_since = NULL, paused_working_days = :p, working_days_to_decision = :d,
                    organisation_id = :o, version = version + 1
                WHERE id = :id""")
                .param("s", status.name()).param("at", Timestamp.from(at)).param("by", by).param("r", reason)
                .param("p", pausedWorkingDays).param("d", workingDays).param("o", organisationId).param("id", id)
                .update();
    }

    public void addHistory(UUID id, Instant at, String actor, String kind, String text) {
        jdbc.sql("""
                INSERT INTO institution_application_event (application_id, occurred_at, actor, kind, text)
                VALUES (:id, :at, :actor, :kind, :text)""")
                .param("id", id).param("at", Timestamp.from(at)).param("actor", actor).param("kind", kind)
                .param("text", text).update();
    }

    public List<HistoryEntry> history(UUID id) {
        return jdbc.sql("""
                SELECT occurred_at, actor, kind, text FROM institution_application_event WHERE application_id = :id
                ORDER BY occurred_at, id""")
                .param("id", id)
                .query((rs, n) -> new HistoryEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("kind"), rs.getString("text")))
                .list();
    }

    /** The newest question asked of the applicant, if any. */
    public Optional<String> latestQuestion(UUID id) {
        return jdbc.sql("""
                SELECT text FROM institution_application_event WHERE application_id = :id AND kind = 'INFO_REQUESTED'
                ORDER BY occurred_at DESC, id DESC LIMIT 1""")
                .param("id", id).query(String.class).optional();
    }

    public List<ApplicationRow> queue(List<ApplicationStatus> statuses, OrganisationType type, String assignee, UUID me,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM institution_application WHERE status IN (:statuses)");
        if (type != null) {
            sql.append(" AND organisation_type = :type");
        }
        if ("me".equals(assignee)) {
            sql.append(" AND assignee_id = :me");
        } else if ("none".equals(assignee)) {
            sql.append(" AND assignee_id IS NULL");
        }
        sql.append(" ORDER BY submitted_at, reference LIMIT :limit");
        var statement = jdbc.sql(sql.toString())
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("limit", limit);
        if (type != null) {
            statement = statement.param("type", type.name());
        }
        if ("me".equals(assignee)) {
            statement = statement.param("me", me);
        }
        return statement.query(ROW).list();
    }

    /** Open applications with this business ID, other than {@code except}. */
    public List<ApplicationRow> openWithBusinessId(String businessId, UUID except) {
        if (businessId == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM institution_application WHERE business_id = :b AND id <> :id
                AND status IN ('RECEIVED', 'IN_REVIEW', 'WAITING_FOR_APPLICANT') ORDER BY submitted_at""")
                .param("b", businessId).param("id", except).query(ROW).list();
    }

    /** Business IDs that more than one open application carries. */
    public List<String> businessIdsOpenMoreThanOnce() {
        return jdbc.sql("""
                SELECT business_id FROM institution_application WHERE business_id IS NOT NULL
                AND status IN ('RECEIVED', 'IN_REVIEW', 'WAITING_FOR_APPLICANT')
                GROUP BY business_id HAVING count(*) > 1""").query(String.class).list();
    }

    public int countOpen() {
        return jdbc.sql("SELECT count(*) FROM institution_application WHERE status IN ('RECEIVED', 'IN_REVIEW', 'WAITING_FOR_APPLICANT')")
                .query(Integer.class).single();
    }

    /** Working days to decision of the decisions made in [from, to). */
    public List<Integer> workingDaysToDecision(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT working_days_to_decision FROM institution_application
                WHERE decided_at >= :from AND decided_at < :to AND working_days_to_decision IS NOT NULL""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Integer.class).list();
    }

    /** Every open application, oldest first (for the overdue digest and the home panel). */
    public List<ApplicationRow> open() {
        return queue(new ArrayList<>(ApplicationStatus.OPEN), null, null, null, 10_000);
    }

    /** Submission times since {@code from}. */
    public List<Instant> submittedSince(Instant from) {
        return jdbc.sql("SELECT submitted_at FROM institution_application WHERE submitted_at >= :from")
                .param("from", Timestamp.from(from)).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** Decision times since {@code from}. */
    public List<Instant> decidedSince(Instant from) {
        return jdbc.sql("SELECT decided_at FROM institution_application WHERE decided_at >= :from")
                .param("from", Timestamp.from(from)).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    public List<ApplicationRow> ofOrganisation(UUID organisationId) {
        return jdbc.sql("SELECT * FROM institution_application WHERE organisation_id = :o ORDER BY submitted_at")
                .param("o", organisationId).query(ROW).list();
    }

    private static ApplicationRow row(ResultSet rs, int n) throws SQLException {
        return new ApplicationRow(rs.getObject("id", UUID.class), rs.getString("reference"),
                rs.getString("tracking_token"), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("organisation_name"), OrganisationType.valueOf(rs.getString("organisation_type")),
                rs.getString("business_id"), rs.getString("no_business_id_reason"), rs.getString("contact_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("street_address"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("message"), rs.getString("language"),
                instant(rs, "submitted_at"), rs.getObject("assignee_id", UUID.class), rs.getString("assignee_name"),
                instant(rs, "waiting_since"), rs.getInt("paused_working_days"), instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getString("decision_reason"), rs.getObject("organisation_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
