package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.patrons.internal.PersonalDataRetention;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention job removes exactly what is past its period (application.yml: sent mail 90 days, spent tokens and
 * submission keys 30 days, closed patrons 730 days, kept searches once expired), a minute either side, and audits
 * the counts once.
 */
class PersonalDataRetentionTest extends IntegrationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration MAIL = Duration.ofDays(90);
    private static final Duration TOKENS = Duration.ofDays(30);
    private static final Duration PATRONS = Duration.ofDays(730);

    @Autowired
    private PersonalDataRetention retention;

    @Autowired
    private Mailbox mailbox;

    @Autowired
    private CredentialTokens tokens;

    private Instant now;
    private StaffAccount registrar;
    private Organisation library;

    @BeforeEach
    void standStill() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        library = data.library(TestData.unique("Retention Library"));
        registrar = data.account(Role.REGISTRAR, library);
    }

    @Test
    void removesWhatIsPastItsPeriodAndNothingElseAndAuditsTheCounts() throws Exception {
        UUID mailDue = mail("SENT", now.minus(MAIL).minus(MINUTE));
        UUID mailKept = mail("SENT", now.minus(MAIL).plus(MINUTE));
        UUID mailQueued = mail("QUEUED", null);

        UUID usedDue = token(now.minus(TOKENS).minus(MINUTE), null, now.plus(MINUTE));
        UUID usedKept = token(now.minus(TOKENS).plus(MINUTE), null, now.plus(MINUTE));
        UUID revokedDue = token(null, now.minus(TOKENS).minus(MINUTE), now.plus(MINUTE));
        UUID expiredDue = token(null, null, now.minus(TOKENS).minus(MINUTE));
        UUID expiredKept = token(null, null, now.minus(TOKENS).plus(MINUTE));
        UUID live = token(null, null, now.plus(Duration.ofDays(1)));

        UUID closedLongAgo = PatronRows.in(jdbc, library.getId(), registrar.getId())
                .name("Vanha", "Suljettu")
                .status("CLOSED")
                .registeredAt(now.minus(PATRONS).minus(Duration.ofHours(1)))
                .email(TestData.unique("vanha") + "@example.fi")
                .insert();
        UUID closedRecently = PatronRows.in(jdbc, library.getId(), registrar.getId())
                .name("Tuore", "Suljettu")
                .status("CLOSED")
                .registeredAt(now.minus(PATRONS).plus(Duration.ofHours(1)))
                .insert();

        String submissionDue = submission(closedRecently, now.minus(TOKENS).minus(MINUTE));
        String submissionKept = submission(closedRecently, now.minus(TOKENS).plus(MINUTE));

        UUID searchDue = keptSearch(now.minus(MINUTE), closedRecently);
        UUID searchKept = keptSearch(now.plus(MINUTE), closedRecently);
        UUID grantDue = grant(searchDue, closedRecently, now.minus(MINUTE));
        UUID grantKept = grant(searchKept, closedRecently, now.plus(MINUTE));

        // Everything due in the database, this test's rows and any other's, as the job should count it.
        int mailsDue = count(
                // created_at before the cutoff too, as the job asks (a mail is created before it is sent; rows other
                // tests insert by hand need not be)
                "SELECT count(*) FROM outbound_mail WHERE state = 'SENT' AND created_at < :cutoff AND sent_at < :cutoff"
                        + " AND recipient <> ''",
                now.minus(MAIL));
        int tokensDue = count(
                "SELECT count(*) FROM credential_token WHERE used_at < :cutoff OR revoked_at < :cutoff"
                        + " OR expires_at < :cutoff",
                now.minus(TOKENS));
        int submissionsDue =
                count("SELECT count(*) FROM patron_submission WHERE created_at < :cutoff", now.minus(TOKENS));
        int searchesDue = count("SELECT count(*) FROM kept_search WHERE expires_at < :cutoff", now);
        int patronsDue = count(
                "SELECT count(*) FROM patron WHERE status = 'CLOSED' AND closed_at < :cutoff", now.minus(PATRONS));
        int auditsBefore = count("SELECT count(*) FROM audit_event WHERE action = 'RETENTION_PURGED'", now);

        retention.purge();

        // Sent mail past 90 days stays as a row (when, what state) but names nobody and says nothing.
        assertThat(mailRow(mailDue))
                .containsEntry("recipient", "")
                .containsEntry("subject", "")
                .containsEntry("body", "")
                .containsEntry("state", "SENT");
        assertThat(mailRow(mailKept)).containsEntry("subject", "Tervetuloa").containsEntry("body", "Hei");
        assertThat((String) mailRow(mailKept).get("recipient")).endsWith("@example.fi");
        assertThat(mailRow(mailQueued)).containsEntry("subject", "Tervetuloa");

        assertThat(ids(
                        "SELECT id FROM credential_token WHERE id IN (:ids)",
                        usedDue,
                        usedKept,
                        revokedDue,
                        expiredDue,
                        expiredKept,
                        live))
                .containsExactlyInAnyOrder(usedKept, expiredKept, live);

        assertThat(jdbc.sql("SELECT token FROM patron_submission WHERE token IN (:tokens)")
                        .param("tokens", List.of(submissionDue, submissionKept))
                        .query(String.class)
                        .list())
                .containsExactly(submissionKept);

        assertThat(ids("SELECT id FROM kept_search WHERE id IN (:ids)", searchDue, searchKept))
                .containsExactly(searchKept);
        assertThat(ids("SELECT id FROM takeover_grant WHERE id IN (:ids)", grantDue, grantKept))
                .containsExactly(grantKept);

        Map<String, Object> erased = patron(closedLongAgo);
        assertThat(erased).containsEntry("status", "ERASED").containsEntry("email", null);
        assertThat(erased.get("first_name")).isNotEqualTo("Vanha");
        assertThat(erased.get("last_name")).isNotEqualTo("Suljettu");
        assertThat(patron(closedRecently))
                .containsEntry("status", "CLOSED")
                .containsEntry("first_name", "Tuore")
                .containsEntry("last_name", "Suljettu");
        // erased the way staff erase: audited, and in the patron's history, by the system
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE action = 'PATRON_ERASED' AND actor = 'system'"
                                + " AND target_id = '" + closedLongAgo + "'",
                        now))
                .isEqualTo(1);

        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'RETENTION_PURGED'", now))
                .isEqualTo(auditsBefore + 1);
        assertThat(jdbc.sql(
                                "SELECT details FROM audit_event WHERE action = 'RETENTION_PURGED' ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("mail " + mailsDue + ", tokens " + tokensDue + ", submissions " + submissionsDue
                        + ", searches " + searchesDue + ", patrons " + patronsDue);
        assertThat(mailsDue).isPositive();
        assertThat(tokensDue).isGreaterThanOrEqualTo(3);
        assertThat(patronsDue).isPositive();

        // The mail log says a blanked mail's contents were removed, in Finnish and in Swedish, and still when it went.
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        Document fi = Jsoup.parse(mvc.perform(get("/admin/mail/" + mailDue).with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(fi.select("h1").text()).isEqualTo("Poistettu säilytysajan jälkeen");
        assertThat(fi.select("#mail-removed").text()).startsWith("Viestin vastaanottaja, aihe ja sisältö poistettiin");
        assertThat(fi.select("pre.mail-body")).isEmpty();
        Document sv = Jsoup.parse(
                mvc.perform(get("/admin/mail/" + mailDue).param("lang", "sv").with(admin))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(sv.select("h1").text()).isEqualTo("Raderat efter lagringstiden");
        assertThat(sv.select("#mail-removed").text()).startsWith("Meddelandets mottagare, ämne och innehåll raderades");
        Document kept = Jsoup.parse(mvc.perform(get("/admin/mail/" + mailKept).with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(kept.select("h1").text()).isEqualTo("Tervetuloa");
        assertThat(kept.select("#mail-removed")).isEmpty();

        // A second run finds nothing left of it.
        var again = retention.purge();
        assertThat(again.mails()).isZero();
        assertThat(again.patrons()).isZero();
    }

    @Test
    void aBacklogLongerThanOneBatchIsWorkedThroughBatchByBatch() {
        List<UUID> mails = new ArrayList<>();
        List<UUID> spent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mails.add(mail("SENT", now.minus(MAIL).minus(MINUTE)));
            spent.add(token(null, null, now.minus(TOKENS).minus(MINUTE)));
        }

        assertThat(mailbox.blankSentBefore(now.minus(MAIL), 2)).isGreaterThanOrEqualTo(5);
        assertThat(tokens.deleteSpentBefore(now.minus(TOKENS), 2)).isGreaterThanOrEqualTo(5);

        assertThat(jdbc.sql("SELECT count(*) FROM outbound_mail WHERE id IN (:ids) AND recipient = '' AND body = ''")
                        .param("ids", mails)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(ids("SELECT id FROM credential_token WHERE id IN (:ids)", spent.toArray(UUID[]::new)))
                .isEmpty();
    }

    private UUID mail(String state, Instant sentAt) {
        UUID id = UUID.randomUUID();
        Instant created = sentAt == null ? now.minus(MAIL).minus(Duration.ofDays(1)) : sentAt.minus(MINUTE);
        jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, state, created_at,
                    next_attempt_at, sent_at)
                VALUES (:id, :key, :recipient, 'fi', 'Tervetuloa', 'Hei', :state, :created, :created, :sent)""")
                .param("id", id)
                .param("key", "retention-test:" + id)
                .param("recipient", TestData.unique("saaja") + "@example.fi")
                .param("state", state)
                .param("created", Timestamp.from(created))
                .param("sent", sentAt == null ? null : Timestamp.from(sentAt))
                .update();
        return id;
    }

    private UUID token(Instant usedAt, Instant revokedAt, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                INSERT INTO credential_token (id, token_hash, purpose, subject_id, created_at, expires_at, used_at,
                    revoked_at)
                VALUES (:id, :hash, 'PATRON_ACTIVATION', :subject, :created, :expires, :used, :revoked)""")
                .param("id", id)
                .param("hash", "retention-test-" + id)
                .param("subject", UUID.randomUUID())
                .param("created", Timestamp.from(now.minus(Duration.ofDays(60))))
                .param("expires", Timestamp.from(expiresAt))
                .param("used", usedAt == null ? null : Timestamp.from(usedAt))
                .param("revoked", revokedAt == null ? null : Timestamp.from(revokedAt))
                .update();
        return id;
    }

    private String submission(UUID patron, Instant createdAt) {
        String token = UUID.randomUUID().toString();
        jdbc.sql(
                        """
                INSERT INTO patron_submission (staff_account_id, token, fingerprint, patron_id, created_at)
                VALUES (:staff, :token, 'fingerprint', :patron, :created)""")
                .param("staff", registrar.getId())
                .param("token", token)
                .param("patron", patron)
                .param("created", Timestamp.from(createdAt))
                .update();
        return token;
    }

    private UUID keptSearch(Instant expiresAt, UUID patron) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                INSERT INTO kept_search (id, staff_account_id, masked_code, page, has_next, created_at, expires_at)
                VALUES (:id, :staff, '131052-****', 0, false, :created, :expires)""")
                .param("id", id)
                .param("staff", registrar.getId())
                .param("created", Timestamp.from(expiresAt.minus(Duration.ofMinutes(30))))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        jdbc.sql("INSERT INTO kept_search_patron (kept_search_id, position, patron_id) VALUES (:id, 0, :patron)")
                .param("id", id)
                .param("patron", patron)
                .update();
        return id;
    }

    private UUID grant(UUID search, UUID patron, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                INSERT INTO takeover_grant (id, kept_search_id, patron_id, staff_account_id, expires_at)
                VALUES (:id, :search, :patron, :staff, :expires)""")
                .param("id", id)
                .param("search", search)
                .param("patron", patron)
                .param("staff", registrar.getId())
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return id;
    }

    private int count(String sql, Instant cutoff) {
        var statement = jdbc.sql(sql);
        if (sql.contains(":cutoff")) {
            statement = statement.param("cutoff", Timestamp.from(cutoff));
        }
        return statement.query(Integer.class).single();
    }

    private List<UUID> ids(String sql, UUID... ids) {
        return jdbc.sql(sql).param("ids", List.of(ids)).query(UUID.class).list();
    }

    private Map<String, Object> mailRow(UUID id) {
        return jdbc.sql("SELECT recipient, subject, body, state FROM outbound_mail WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private Map<String, Object> patron(UUID id) {
        return jdbc.sql("SELECT status, first_name, last_name, email FROM patron WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }
}
