package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.institutions.internal.OverdueDigest;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OverdueDigestTest extends IntegrationTest {

    @Autowired
    private OverdueDigest digest;

    @Test
    void theMorningDigestRunsOnceEvenWhenTwoInstancesStartItAtOnce() throws Exception {
        clock.set(Helsinki.instantOf(LocalDateTime.of(2029, 9, 3, 9, 0))); // Monday
        Map<String, String> fields = Applicants.library(TestData.unique("Unohtunut kirjasto"));
        Applicants.submit(mvc, fields);
        String reference = jdbc.sql("SELECT reference FROM institution_application WHERE submission_token = :t")
                .param("t", fields.get("submissionToken"))
                .query(String.class)
                .single();
        var staff = data.account(Role.STAFF, null);
        clock.set(Helsinki.instantOf(LocalDateTime.of(2029, 9, 7, 7, 0))); // Friday: four working days

        int before = runs();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(pool.submit(() -> {
                start.await();
                digest.send();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> instance : instances) {
            instance.get();
        }
        pool.shutdown();
        assertThat(runs()).isEqualTo(before + 1);

        await().atMost(mailWait()).until(() -> !digests(staff.getEmail()).isEmpty());
        // one digest was queued for this person (counted by its dedupe key's template), and it arrived once
        assertThat(jdbc.sql(
                                """
                SELECT count(*) FROM outbound_mail WHERE recipient = :r AND split_part(dedupe_key, ':', 1) = :t""")
                        .param("r", staff.getEmail())
                        .param("t", "institution-overdue-digest")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(digests(staff.getEmail())).hasSize(1);
        var mail = digests(staff.getEmail()).get(0);
        assertThat(TestMail.body(mail)).contains(reference);

        // The staff home shows the queue at a glance.
        var session = signIn(staff.getUsername(), TestData.PASSWORD);
        String home = mvc.perform(get("/").with(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var panel = Jsoup.parse(home).getElementById("institutions-panel");
        assertThat(panel).isNotNull();
        assertThat(Integer.parseInt(panel.getElementById("home-overdue").text()))
                .isPositive();
        assertThat(panel.getElementById("home-overdue").hasClass("overdue")).isTrue();
        var weeks = panel.getElementById("home-weeks").select("tbody tr");
        assertThat(weeks).hasSize(6);
        assertThat(weeks.last().text()).isEqualTo("Viikko alkaen 3.9.2029 1 0");
    }

    private static List<MimeMessage> digests(String address) {
        return TestMail.to(address).stream()
                .filter(m -> ApprovalTest.subject(m).startsWith("Myöhässä olevia"))
                .toList();
    }

    private int runs() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'INSTITUTION_OVERDUE_DIGEST'")
                .query(Integer.class)
                .single();
    }
}
