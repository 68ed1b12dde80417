package fi.celia.celianet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as an administrator reads it: event names in the page's language, times in Helsinki, filters by
 * event, any part of a user name (a typed % or _ is itself) and a period of Helsinki days; a date that does not
 * exist is a field error on the same page; paged.
 */
class AuditTrailPageTest extends IntegrationTest {

    /** One more than a page holds. */
    private static final int PAGE_PLUS_ONE = 51;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    private RequestPostProcessor admin;

    @BeforeEach
    void signInAsAdministrator() throws Exception {
        admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
    }

    @Test
    void eventsAreNamedInThePagesLanguageAndTimesAreHelsinkiTime() throws Exception {
        String actor = TestData.unique("auditor");
        at("2026-03-10T10:15:00Z", actor, AuditEvent.PATRON_CHANGED);
        at("2026-03-12T21:30:00Z", actor, AuditEvent.SIGN_IN);
        at("2026-03-12T22:30:00Z", actor, AuditEvent.SIGN_IN);

        // any part of the user name, whatever the case
        String part = actor.substring(2, actor.length() - 2).toUpperCase();
        Document all = page(get("/admin/audit").param("actor", part));
        assertThat(rows(all))
                .containsExactly(
                        List.of("13.3.2026 00:30", actor, "Kirjautuminen"),
                        List.of("12.3.2026 23:30", actor, "Kirjautuminen"),
                        List.of("10.3.2026 12:15", actor, "Tietoja muutettu"));
        assertThat(all.select("#event option[value=SIGN_IN]").text()).isEqualTo("Kirjautuminen");

        Document signIns = page(get("/admin/audit").param("actor", actor).param("event", "SIGN_IN"));
        assertThat(rows(signIns)).extracting(r -> r.get(0)).containsExactly("13.3.2026 00:30", "12.3.2026 23:30");
        assertThat(signIns.select("#event option[selected]").attr("value")).isEqualTo("SIGN_IN");

        // a day is a Helsinki day: 22:30 UTC on the 12th is already the 13th
        Document twelfth = page(get("/admin/audit")
                .param("actor", actor)
                .param("from", "12.3.2026")
                .param("to", "12.3.2026"));
        assertThat(rows(twelfth)).extracting(r -> r.get(0)).containsExactly("12.3.2026 23:30");
        assertThat(twelfth.select("#from").val()).isEqualTo("12.3.2026");

        Document english = page(get("/admin/audit").param("actor", actor).param("lang", "en"));
        assertThat(rows(english)).extracting(r -> r.get(2)).containsExactly("Sign-in", "Sign-in", "Details changed");
        Document swedish = page(get("/admin/audit").param("actor", actor).param("lang", "sv"));
        assertThat(rows(swedish))
                .extracting(r -> r.get(2))
                .containsExactly("Inloggning", "Inloggning", "Uppgifter ändrade");
        page(get("/admin/audit").param("lang", "fi"));
    }

    @Test
    void eachEventShowsWhyThePatronsRecordWasAccessedInThePagesLanguage() throws Exception {
        String actor = TestData.unique("purpose");
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        audit.success(actor, AuditEvent.PATRON_VIEWED, "PATRON", null, null, AccessPurpose.SEARCH_RESULT);
        clock.set(Instant.parse("2026-06-01T09:05:00Z"));
        audit.success(actor, AuditEvent.PATRON_CHANGED, "PATRON", null, null, AccessPurpose.EDIT);
        clock.set(Instant.parse("2026-06-01T09:10:00Z"));
        audit.success(actor, AuditEvent.SIGN_IN, "STAFF", null, null);

        Document finnish = page(get("/admin/audit").param("actor", actor));
        assertThat(purposes(finnish, "Tarkoitus")).containsExactly("", "Tietojen muuttaminen", "Avattu hakutuloksista");
        Document swedish = page(get("/admin/audit").param("actor", actor).param("lang", "sv"));
        assertThat(purposes(swedish, "Ändamål"))
                .containsExactly("", "Ändring av uppgifterna", "Öppnad från sökresultaten");
        Document english = page(get("/admin/audit").param("actor", actor).param("lang", "en"));
        assertThat(purposes(english, "Purpose"))
                .containsExactly("", "Changing the details", "Opened from search results");
        page(get("/admin/audit").param("lang", "fi"));
    }

    @Test
    void aWildcardTypedInTheUserNameIsMatchedAsItself() throws Exception {
        String suffix = TestData.unique("");
        at("2026-04-01T08:00:00Z", "a%b" + suffix, AuditEvent.SIGN_IN);
        at("2026-04-01T08:01:00Z", "axxb" + suffix, AuditEvent.SIGN_IN);
        at("2026-04-01T08:02:00Z", "c_d" + suffix, AuditEvent.SIGN_IN);
        at("2026-04-01T08:03:00Z", "cxd" + suffix, AuditEvent.SIGN_IN);

        assertThat(rows(page(get("/admin/audit").param("actor", "a%b" + suffix))))
                .extracting(r -> r.get(1))
                .containsExactly("a%b" + suffix);
        assertThat(rows(page(get("/admin/audit").param("actor", "c_d" + suffix))))
                .extracting(r -> r.get(1))
                .containsExactly("c_d" + suffix);
        assertThat(rows(page(get("/admin/audit").param("actor", suffix)))).hasSize(4);
    }

    @Test
    void aDateThatDoesNotExistOrAPeriodBackwardsIsAFieldErrorNotAServerError() throws Exception {
        var response = mvc.perform(
                        get("/admin/audit").param("from", "31.2.2026").with(admin))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document refused = Jsoup.parse(response.getContentAsString());
        assertThat(refused.select("#from-error").text())
                .contains("Kirjoita päivämäärä, joka on olemassa, muodossa 31.12.2026.");
        assertThat(refused.select(".error-summary a[href=#from]")).hasSize(1);
        assertThat(refused.select("#audit-records")).isEmpty();
        assertThat(refused.select("#from").val()).isEqualTo("31.2.2026");

        Document backwards = page(get("/admin/audit").param("from", "12.3.2026").param("to", "11.3.2026"));
        assertThat(backwards.select("#to-error").text()).contains("Loppupäivä ei voi olla ennen alkupäivää.");

        Document unknown = page(get("/admin/audit").param("event", "NO_SUCH_EVENT"));
        assertThat(unknown.select("#event-error").text()).contains("Valitse jokin tarjotuista vaihtoehdoista.");
    }

    @Test
    void theTrailIsPagedByCursorKeepingTheFilters() throws Exception {
        String actor = TestData.unique("pager");
        clock.set(Instant.parse("2026-05-04T06:00:00Z"));
        for (int i = 0; i < PAGE_PLUS_ONE; i++) {
            clock.advance(Duration.ofMinutes(1));
            audit.success(actor, AuditEvent.PATRON_VIEWED, "PATRON", null, null);
        }
        Document first = page(get("/admin/audit").param("actor", actor).param("event", "PATRON_VIEWED"));
        assertThat(rows(first)).hasSize(50);
        assertThat(rows(first).get(0).get(0)).isEqualTo("4.5.2026 09:51");
        String next = first.select("nav.pager a").attr("href");
        // the next page starts after the last record shown, not at an offset that grows with the trail
        assertThat(next).contains("before=").doesNotContain("page=");
        assertThat(next).contains("actor=" + actor).contains("event=PATRON_VIEWED");
        assertThat(first.select("nav.pager a")).hasSize(1);
        Document second = page(get(next.replace("&amp;", "&")));
        assertThat(rows(second)).extracting(r -> r.get(0)).containsExactly("4.5.2026 09:01");

        // and back: the previous page is the newest fifty again
        assertThat(second.select("nav.pager a")).hasSize(1);
        String previous = second.select("nav.pager a").attr("href");
        assertThat(previous).contains("after=").contains("actor=" + actor);
        Document back = page(get(previous.replace("&amp;", "&")));
        assertThat(rows(back)).hasSize(50);
        assertThat(rows(back).get(0).get(0)).isEqualTo("4.5.2026 09:51");
        assertThat(rows(back).get(49).get(0)).isEqualTo("4.5.2026 09:02");
        assertThat(back.select("nav.pager a")).hasSize(1);
        assertThat(back.select("nav.pager a").attr("href")).contains("before=");
    }

    @Test
    void aRareOutcomeIsFoundThroughItsOwnIndex() {
        List<String> plans = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return List.of(plan("SELECT * FROM audit_event WHERE true AND outcome = 'DENIED'"
                    + " ORDER BY occurred_at DESC, id DESC LIMIT 51"));
        });
        assertThat(plans.get(0)).contains("audit_event_rare_outcome_ix");
    }

    @Test
    void theFiltersUseIndexes() {
        List<String> plans = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return List.of(
                    plan(
                            "SELECT * FROM audit_event WHERE action = 'SIGN_IN' AND occurred_at >= now() - interval '1 day'"
                                    + " ORDER BY occurred_at DESC, id DESC LIMIT 51"),
                    plan("SELECT * FROM audit_event WHERE actor ILIKE '%auditor%'"),
                    plan("SELECT * FROM outbound_mail WHERE recipient ILIKE '%example%' OR subject ILIKE '%example%'"));
        });
        assertThat(plans.get(0)).contains("audit_event_action_ix");
        assertThat(plans.get(1)).contains("audit_event_actor_trgm_ix");
        assertThat(plans.get(2)).contains("outbound_mail_recipient_trgm_ix").contains("outbound_mail_subject_trgm_ix");
    }

    private String plan(String sql) {
        return String.join("\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list());
    }

    private void at(String instant, String actor, AuditEvent event) {
        clock.set(Instant.parse(instant));
        audit.success(actor, event, "PATRON", null, null);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(admin)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** Time, actor and event of each row. */
    private static List<List<String>> rows(Document page) {
        return page.select("#audit-records tbody tr").stream()
                .map(row ->
                        row.select("td").stream().limit(3).map(Element::text).toList())
                .toList();
    }

    /** The column under the heading {@code purpose}, row by row. */
    private static List<String> purposes(Document page, String purpose) {
        int column = page.select("#audit-records thead th").eachText().indexOf(purpose);
        assertThat(column).as("the column headed " + purpose).isNotNegative();
        return page.select("#audit-records tbody tr").stream()
                .map(row -> row.select("td").get(column).text())
                .toList();
    }
}
