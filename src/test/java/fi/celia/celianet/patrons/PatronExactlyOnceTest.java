package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestSealing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

/** Double clicks, refreshes, concurrent copies and mail outages never make a second patron or a false error. */
@ExtendWith(OutputCaptureExtension.class)
class PatronExactlyOnceTest extends IntegrationTest {

    @Test
    void fiftyConcurrentCopiesOfOneSubmissionMakeOnePatronAndOneMailAndAllAnswerTheSamePage() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        String email = TestData.unique("once") + "@example.fi";
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), code, email);

        List<MockHttpServletResponse> responses = concurrently(50, i -> fields, session);

        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(303);
        assertThat(responses)
                .extracting(MockHttpServletResponse::getRedirectedUrl)
                .hasSize(50)
                .containsOnly(responses.get(0).getRedirectedUrl());
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                        .param("c", TestSealing.index(code))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        await().atMost(mailWait()).until(() -> TestMail.to(email).size() == 1);
        await().atMost(mailWait()).until(() -> unsent(email + "%") == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_mail WHERE recipient = :r")
                        .param("r", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(TestMail.to(email)).hasSize(1);

        // a refresh much later still reads as saved
        var again = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(303);
        assertThat(again.getRedirectedUrl()).isEqualTo(responses.get(0).getRedirectedUrl());
        String page = mvc.perform(get(again.getRedirectedUrl()).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Rekisteröity");
    }

    @Test
    void theSameTokenWithDifferentDataIsRefusedClearly() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String token = UUID.randomUUID().toString();
        var first = PatronFixtures.form(token, PatronFixtures.newCode(), TestData.unique("a") + "@example.fi");
        assertThat(mvc.perform(post("/patrons").with(session).params(first))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        var second = PatronFixtures.form(token, PatronFixtures.newCode(), TestData.unique("b") + "@example.fi");
        var response = mvc.perform(post("/patrons").with(session).params(second))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString())
                .contains("Tällä lomakkeella on jo rekisteröity toinen asiakas")
                .contains("value=\"" + second.getFirst("lastName") + "\"")
                .doesNotContain("value=\"" + token + "\"");
    }

    @Test
    void twentyConcurrentRegistrationsOfOneCodeMakeOnePatronAndNineteenClearDuplicateMessages(CapturedOutput output)
            throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        String email = TestData.unique("dup") + "@example.fi";

        List<MockHttpServletResponse> responses =
                concurrently(20, i -> PatronFixtures.form(UUID.randomUUID().toString(), code, email), session);

        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(303, 409);
        assertThat(responses.stream().filter(r -> r.getStatus() == 303)).hasSize(1);
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE identity_code_index = :c")
                .param("c", TestSealing.index(code))
                .query(String.class)
                .single();
        for (var response : responses.stream().filter(r -> r.getStatus() == 409).toList()) {
            assertThat(response.getContentAsString())
                    .contains("Tämän henkilötunnuksen on jo rekisteröinyt " + library.getName())
                    .contains("Asiakasnumero " + number)
                    .contains("value=\"" + code + "\"");
        }
        await().atMost(mailWait()).until(() -> TestMail.to(email).size() == 1);
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void theCredentialsMailIsInTheOutboxTheMomentTheRegistrationIsAnswered() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String email = TestData.unique("same-transaction") + "@example.fi";
        var response = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), email)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(303);
        UUID id = UUID.fromString(response.getRedirectedUrl().substring("/patrons/".length()));

        // Written in the registration's own transaction: no listener, no wait.
        assertThat(jdbc.sql(
                                "SELECT recipient FROM outbound_mail WHERE reference_type = 'PATRON' AND reference_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly(email);
        await().atMost(mailWait()).until(() -> TestMail.to(email).size() == 1);
    }

    @Test
    void aRegistrarOfAnotherOrganisationLearnsOnlyWhoRegisteredTheCodeAndWhen() throws Exception {
        var first = data.library(TestData.unique("Library"));
        var second = data.library(TestData.unique("School"));
        var firstSession = signIn(data.account(Role.REGISTRAR, first).getUsername(), TestData.PASSWORD);
        var secondSession = signIn(data.account(Role.REGISTRAR, second).getUsername(), TestData.PASSWORD);
        String code = PatronFixtures.newCode();
        mvc.perform(post("/patrons")
                .with(firstSession)
                .params(PatronFixtures.form(UUID.randomUUID().toString(), code, TestData.unique("a") + "@example.fi")));
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE identity_code_index = :c")
                .param("c", TestSealing.index(code))
                .query(String.class)
                .single();

        var response = mvc.perform(post("/patrons")
                        .with(secondSession)
                        .params(PatronFixtures.form(
                                UUID.randomUUID().toString(), code, TestData.unique("b") + "@example.fi")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString())
                .contains("Tämän henkilötunnuksen on jo rekisteröinyt " + first.getName())
                .doesNotContain(number)
                .contains("Asiakas kuuluu toiselle organisaatiolle");
    }

    @Test
    void withTheMailServerDownTwentyRegistrationsSucceedAndTheirMailsArriveWhenItIsBack() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String prefix = TestData.unique("outage");
        List<String> pages = new ArrayList<>();
        TestMail.stop();
        try {
            for (int i = 0; i < 20; i++) {
                var response = mvc.perform(post("/patrons")
                                .with(session)
                                .params(PatronFixtures.form(
                                        UUID.randomUUID().toString(),
                                        PatronFixtures.newCode(),
                                        prefix + "-" + i + "@example.fi")))
                        .andReturn()
                        .getResponse();
                assertThat(response.getStatus()).isEqualTo(303);
                pages.add(response.getRedirectedUrl());
            }
            for (String page : pages) {
                assertThat(mvc.perform(get(page).with(session))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .contains("Tunnussähköposti jonossa");
            }
        } finally {
            TestMail.restart();
        }
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> countMails(prefix) >= 20);
        await().atMost(mailWait()).until(() -> unsent(prefix + "-%") == 0);
        assertThat(countMails(prefix)).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            assertThat(TestMail.to(prefix + "-" + i + "@example.fi")).hasSize(1);
        }
    }

    /** Mails to the recipients that the outbox has not handed to the SMTP server yet. */
    private int unsent(String recipientPattern) {
        return jdbc.sql("SELECT count(*) FROM outbound_mail WHERE recipient LIKE :r AND state IN ('QUEUED', 'SENDING')")
                .param("r", recipientPattern)
                .query(Integer.class)
                .single();
    }

    private static long countMails(String prefix) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().startsWith(prefix);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .count();
    }

    private List<MockHttpServletResponse> concurrently(
            int copies, IntFunction<MultiValueMap<String, String>> fields, RequestPostProcessor session)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                var data = fields.apply(i);
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return mvc.perform(post("/patrons").with(session).params(data))
                            .andReturn()
                            .getResponse();
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (var future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
