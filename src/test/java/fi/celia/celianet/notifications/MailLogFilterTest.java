package fi.celia.celianet.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The sent-mail log finds mail by any part of its address or its subject, whatever the case; a % or _ typed is
 * looked for as itself, never as a wildcard.
 */
class MailLogFilterTest extends IntegrationTest {

    private RequestPostProcessor admin;
    private String tag;

    @BeforeEach
    void mails() throws Exception {
        admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        tag = TestData.unique("maillog").toLowerCase();
        sent("first." + tag + "@example.fi", "Tervetuloa Celiaan");
        sent("a_b." + tag + "@example.fi", "Tunnukset");
        sent("axb." + tag + "@example.fi", "Tunnukset");
        sent("other@example.fi", "Alennus 100% " + tag);
        sent("other@example.fi", "Alennus 1000 " + tag);
    }

    @Test
    void anyPartOfTheAddressOrTheSubjectWhateverTheCase() throws Exception {
        assertThat(recipients(tag.toUpperCase())).hasSize(5);
        assertThat(recipients("FIRST." + tag.toUpperCase())).containsExactly("first." + tag + "@example.fi");
        Document bySubject = page("celiaan");
        assertThat(bySubject.select("tbody tr").stream()
                        .map(r -> r.select("td").get(2).text())
                        .toList())
                .contains("Tervetuloa Celiaan");
        assertThat(bySubject.select("#q").val()).isEqualTo("celiaan");
    }

    @Test
    void aPercentOrAnUnderscoreTypedIsMatchedLiterally() throws Exception {
        assertThat(recipients("a_b." + tag)).containsExactly("a_b." + tag + "@example.fi");
        assertThat(subjects("100% " + tag)).containsExactly("Alennus 100% " + tag);
        assertThat(recipients("%" + tag)).isEmpty();
        Document none = page("%" + tag);
        assertThat(none.select("#mail-none").text()).isEqualTo("Ei viestejä näillä ehdoilla.");
    }

    @Test
    void theLogIsPagedByCursorNewestFirstKeepingTheText() throws Exception {
        String paged = TestData.unique("mailpager").toLowerCase();
        Instant start = Instant.parse("2026-05-04T06:00:00Z");
        // two mails in the same instant, so the order within it (by id) is paged over too
        for (int i = 0; i < 51; i++) {
            sentAt(paged + "-" + i + "@example.fi", "Sivu", start.plusSeconds(60L * Math.min(i, 49)));
        }
        Document first = page(paged);
        assertThat(first.select("tbody tr")).hasSize(50);
        assertThat(first.select("nav.pager a")).hasSize(1);
        String next = first.select("nav.pager a").attr("href");
        assertThat(next).contains("before=").contains("q=" + paged).doesNotContain("page=");
        Document second = page(get(next.replace("&amp;", "&")));
        assertThat(second.select("tbody tr")).hasSize(1);
        List<String> all = new ArrayList<>(recipientsOf(first));
        all.addAll(recipientsOf(second));
        assertThat(all).doesNotHaveDuplicates().hasSize(51).contains(paged + "-0@example.fi");
        assertThat(recipientsOf(first).get(0)).isIn(paged + "-49@example.fi", paged + "-50@example.fi");

        String previous = second.select("nav.pager a").attr("href");
        assertThat(previous).contains("after=");
        Document back = page(get(previous.replace("&amp;", "&")));
        assertThat(recipientsOf(back)).isEqualTo(recipientsOf(first));
        assertThat(back.select("nav.pager a").attr("href")).contains("before=");
    }

    private void sent(String recipient, String subject) {
        sentAt(recipient, subject, Instant.now());
    }

    private void sentAt(String recipient, String subject, Instant now) {
        jdbc.sql(
                        """
                INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, state, attempts,
                    created_at, next_attempt_at, sent_at)
                VALUES (:id, :key, :recipient, 'fi', :subject, 'body', 'SENT', 1, :at, :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("key", UUID.randomUUID().toString())
                .param("recipient", recipient)
                .param("subject", subject)
                .param("at", Timestamp.from(now))
                .update();
    }

    private Document page(String q) throws Exception {
        var response = mvc.perform(get("/admin/mail").param("q", q).with(admin))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(admin)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<String> recipientsOf(Document page) {
        return page.select("tbody tr").stream()
                .map((Element r) -> r.select("td").get(1).text())
                .toList();
    }

    private List<String> recipients(String q) throws Exception {
        return column(q, 1);
    }

    private List<String> subjects(String q) throws Exception {
        return column(q, 2);
    }

    private List<String> column(String q, int index) throws Exception {
        return page(q).select("tbody tr").stream()
                .map((Element r) -> r.select("td").get(index).text())
                .toList();
    }
}
