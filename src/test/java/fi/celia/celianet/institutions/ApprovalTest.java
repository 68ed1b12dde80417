package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

class ApprovalTest extends IntegrationTest {

    private UUID idOf(Map<String, String> fields) {
        return jdbc.sql("SELECT id FROM institution_application WHERE submission_token = :t")
                .param("t", fields.get("submissionToken"))
                .query(UUID.class)
                .single();
    }

    @Test
    void twoStaffApprovingAtOnceMakeOneCustomerAndOneSetOfCredentials() throws Exception {
        String name = TestData.unique("Rinnakkaiskirjasto");
        Map<String, String> fields = Applicants.library(name);
        String statusPath = Applicants.submit(mvc, fields);
        UUID id = idOf(fields);
        var first = data.account(Role.STAFF, null);
        var second = data.account(Role.STAFF, null);
        var sessions = List.of(
                signIn(first.getUsername(), TestData.PASSWORD), signIn(second.getUsername(), TestData.PASSWORD));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> results = new ArrayList<>();
        for (var session : sessions) {
            results.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/institutions/applications/{id}/approve", id)
                                .param("confirmed", "true")
                                .with(session))
                        .andReturn()
                        .getResponse();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        String conflictPage = null;
        for (var result : results) {
            MockHttpServletResponse response = result.get();
            statuses.add(response.getStatus());
            if (response.getStatus() == 409) {
                conflictPage = response.getContentAsString();
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(303, 409);
        String approver = jdbc.sql("SELECT decided_by FROM institution_application WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(conflictPage).contains("Tämän hakemuksen hyväksyi jo " + approver);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE action = 'INSTITUTION_APPLICATION_APPROVED' AND target_id = :id")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        UUID organisationId = jdbc.sql("SELECT id FROM organisation WHERE name = :n")
                .param("n", name)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT customer_number FROM organisation WHERE id = :id")
                        .param("id", organisationId)
                        .query(String.class)
                        .single())
                .matches("A\\d+");
        assertThat(jdbc.sql("SELECT count(*) FROM customer_account WHERE organisation_id = :o")
                        .param("o", organisationId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        var accounts = jdbc.sql("SELECT email, role FROM staff_account WHERE organisation_id = :o ORDER BY role")
                .param("o", organisationId)
                .query((rs, n) -> rs.getString("email") + " " + rs.getString("role"))
                .list();
        assertThat(accounts)
                .containsExactly(
                        fields.get("registrars[0].email") + " MAIN_USER",
                        fields.get("registrars[1].email") + " REGISTRAR");
        assertThat(jdbc.sql(
                                """
                SELECT count(*) FROM institution_application_registrar r JOIN staff_account s ON s.id = r.staff_account_id
                WHERE r.application_id = :id AND s.email = r.email""")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        String contact = fields.get("email");
        await().atMost(mailWait())
                .until(() -> TestMail.to(contact).stream()
                                .anyMatch(m -> subject(m).contains("hyväksytty"))
                        && TestMail.to(fields.get("registrars[0].email")).size() == 1
                        && TestMail.to(fields.get("registrars[1].email")).size() == 1);
        // one approval mail and one invitation each were queued: a second set would be more outbox rows
        assertThat(queued(contact, "institution-approved-registrars")).isEqualTo(1);
        assertThat(queued(fields.get("registrars[0].email"), "staff-invitation-organisation"))
                .isEqualTo(1);
        assertThat(queued(fields.get("registrars[1].email"), "staff-invitation-organisation"))
                .isEqualTo(1);
        assertThat(TestMail.to(contact).stream()
                        .filter(m -> subject(m).contains("hyväksytty"))
                        .count())
                .isEqualTo(1);
        assertThat(TestMail.to(fields.get("registrars[0].email"))).hasSize(1);
        assertThat(TestMail.to(fields.get("registrars[1].email"))).hasSize(1);
        mvc.perform(get(statusPath)).andExpect(content().string(containsString("Hyväksytty")));
        mvc.perform(get("/institutions/customers/{id}", organisationId).with(sessions.get(0)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(fields.get("registrars[1].email"))))
                .andExpect(content().string(containsString("Pääkäyttäjä")));

        // The first registrar sets a password from the invitation and signs in as the organisation's main user.
        MimeMessage invitation = TestMail.to(fields.get("registrars[0].email")).get(0);
        String link = TestMail.linkPath(invitation);
        mvc.perform(get(link)).andExpect(status().isOk());
        String password = "a long and new password 42";
        mvc.perform(post(link).with(csrf()).param("password", password).param("confirmPassword", password))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/password/done"));
        String username = jdbc.sql("SELECT username FROM staff_account WHERE email = :e")
                .param("e", fields.get("registrars[0].email"))
                .query(String.class)
                .single();
        var registrar = signIn(username, password);
        mvc.perform(get("/").with(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));

        // The contact activates the organisation's own customer account.
        MimeMessage approved = TestMail.to(contact).stream()
                .filter(m -> subject(m).contains("hyväksytty"))
                .findFirst()
                .orElseThrow();
        String activation = TestMail.linkPath(approved);
        assertThat(activation).startsWith("/account/activate/");
        mvc.perform(post(activation).with(csrf()).param("password", password).param("confirmPassword", password))
                .andExpect(status().isSeeOther());
        assertThat(jdbc.sql("SELECT password_hash IS NOT NULL FROM customer_account WHERE organisation_id = :o")
                        .param("o", organisationId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aDecisionFromAPageOlderThanTheApplicationEndsOnTheConflictPageAndDecidesNothing() throws Exception {
        String name = TestData.unique("Vanhentunut sivu");
        Map<String, String> fields = Applicants.library(name);
        Applicants.submit(mvc, fields);
        UUID id = idOf(fields);
        var first = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        var second = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        String seen = versionOnPage(id, first);

        // Meanwhile the other staff member asks the applicant a question, from a page of their own.
        mvc.perform(post("/institutions/applications/{id}/request-info", id)
                        .with(second)
                        .param("version", versionOnPage(id, second))
                        .param("message", "Onko teillä sivukirjastoja?"))
                .andExpect(status().isSeeOther());

        mvc.perform(post("/institutions/applications/{id}/approve", id)
                        .param("confirmed", "true")
                        .with(first)
                        .param("version", seen))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Joku muu muutti tätä tietoa samaan aikaan")));
        mvc.perform(post("/institutions/applications/{id}/reject", id)
                        .param("confirmed", "true")
                        .with(first)
                        .param("version", seen)
                        .param("reason", "Ei kuulu palvelun piiriin."))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT status FROM institution_application WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("WAITING_FOR_APPLICANT");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE name = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isZero();

        // With the page opened again, the same decision goes through.
        mvc.perform(post("/institutions/applications/{id}/approve", id)
                        .param("confirmed", "true")
                        .with(first)
                        .param("version", versionOnPage(id, first)))
                .andExpect(status().isSeeOther());
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE name = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** The version the application page's approve form sends. */
    private String versionOnPage(UUID id, RequestPostProcessor session) throws Exception {
        String page = mvc.perform(get("/institutions/applications/{id}", id).with(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(page)
                .selectFirst("form[action$=/approve] input[name=version]")
                .val();
    }

    @Test
    void aCareHomeGetsItsCustomerAccountButNoRegistrars() throws Exception {
        String name = TestData.unique("Hoitokoti Aurinko");
        Map<String, String> fields = Applicants.careHome(name);
        Applicants.submit(mvc, fields);
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/institutions/applications/{id}/approve", idOf(fields))
                        .param("confirmed", "true")
                        .with(session))
                .andExpect(status().isSeeOther());
        UUID organisationId = jdbc.sql("SELECT id FROM organisation WHERE name = :n")
                .param("n", name)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM staff_account WHERE organisation_id = :o")
                        .param("o", organisationId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM customer_account WHERE organisation_id = :o")
                        .param("o", organisationId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // The customer list finds it, with its application history.
        mvc.perform(get("/institutions").param("q", name.toUpperCase()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        String reference = jdbc.sql("SELECT reference FROM institution_application WHERE id = :id")
                .param("id", idOf(fields))
                .query(String.class)
                .single();
        mvc.perform(get("/institutions/customers/{id}", organisationId).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference)))
                .andExpect(content().string(containsString("Ei rekisteröijätunnuksia.")));
    }

    @Test
    void aRejectionNeedsAReasonAndMailsIt() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Hylättävä"));
        fields.put("email", Applicants.email("hylatty"));
        String statusPath = Applicants.submit(mvc, fields);
        UUID id = idOf(fields);
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/institutions/applications/{id}/reject", id)
                        .param("confirmed", "true")
                        .with(session)
                        .param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anna hylkäyksen perustelu")));
        mvc.perform(post("/institutions/applications/{id}/reject", id)
                        .param("confirmed", "true")
                        .with(session)
                        .param("reason", "Organisation is not in Finland."))
                .andExpect(status().isSeeOther());
        await().atMost(mailWait()).until(() -> TestMail.to(fields.get("email")).stream()
                .anyMatch(m -> TestMail.body(m).contains("Organisation is not in Finland.")));
        mvc.perform(get(statusPath))
                .andExpect(content().string(containsString("Hylätty")))
                .andExpect(content().string(containsString("Organisation is not in Finland.")));
        mvc.perform(post("/institutions/applications/{id}/approve", id)
                        .param("confirmed", "true")
                        .with(session))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("hylkäsi jo")));
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE name = :n")
                        .param("n", fields.get("organisationName"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theEstimateOnTheJoinPageFollowsTheRecordedDecisions() throws Exception {
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        // Year 2033 holds no other decisions. Submitted Monday 2 May; decided after 1, 3 and 4 working days.
        int[] decidedOn = {3, 5, 6};
        for (int day : decidedOn) {
            clock.set(Helsinki.instantOf(LocalDateTime.of(2033, 5, 2, 10, 0)));
            Map<String, String> fields = Applicants.library(TestData.unique("Arvio"));
            Applicants.submit(mvc, fields);
            clock.set(Helsinki.instantOf(LocalDateTime.of(2033, 5, day, 12, 0)));
            mvc.perform(post("/institutions/applications/{id}/reject", idOf(fields))
                            .param("confirmed", "true")
                            .with(session)
                            .param("reason", "Testi"))
                    .andExpect(status().isSeeOther());
        }
        clock.set(Helsinki.instantOf(LocalDateTime.of(2033, 5, 10, 9, 0)));
        mvc.perform(get("/join"))
                .andExpect(content().string(containsString("päätös syntyi mediaanilta 3 työpäivässä")));

        clock.set(Helsinki.instantOf(LocalDateTime.of(2033, 5, 2, 10, 0)));
        Map<String, String> fourth = Applicants.library(TestData.unique("Arvio"));
        Applicants.submit(mvc, fourth);
        clock.set(Helsinki.instantOf(LocalDateTime.of(2033, 5, 9, 12, 0)));
        mvc.perform(post("/institutions/applications/{id}/reject", idOf(fourth))
                        .param("confirmed", "true")
                        .with(session)
                        .param("reason", "Testi"))
                .andExpect(status().isSeeOther());
        clock.set(Helsinki.instantOf(LocalDateTime.of(2033, 5, 10, 9, 0)));
        mvc.perform(get("/join"))
                .andExpect(content().string(containsString("päätös syntyi mediaanilta 3,5 työpäivässä")));
        mvc.perform(get("/join").param("lang", "en"))
                .andExpect(content().string(containsString("a decision took a median of 3.5 working days")));

        int waiting = jdbc.sql(
                        "SELECT count(*) FROM institution_application WHERE status IN ('RECEIVED', 'IN_REVIEW', 'WAITING_FOR_APPLICANT')")
                .query(Integer.class)
                .single();
        mvc.perform(get("/join"))
                .andExpect(content().string(containsString("Päätöstä odottavia hakemuksia nyt: " + waiting + ".")));

        clock.advance(Duration.ofDays(40));
        mvc.perform(get("/join"))
                .andExpect(content().string(containsString("Pyrimme päättämään hakemuksesta 2 työpäivässä")));
    }

    @Test
    void anInvitedRegistrarSetsAPasswordAndRegistersAPatronForTheNewOrganisation() throws Exception {
        String name = TestData.unique("Rekisteröintikirjasto");
        Map<String, String> fields = Applicants.library(name);
        fields.remove("registrars[1].name");
        fields.remove("registrars[1].email");
        Applicants.submit(mvc, fields);
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/institutions/applications/{id}/approve", idOf(fields))
                        .param("confirmed", "true")
                        .with(staff))
                .andExpect(status().isSeeOther());
        UUID organisationId = jdbc.sql("SELECT id FROM organisation WHERE name = :n")
                .param("n", name)
                .query(UUID.class)
                .single();

        // The invitation reaches the registrar, who sets a password through its link and signs in.
        String registrarEmail = fields.get("registrars[0].email");
        await().atMost(mailWait()).until(() -> TestMail.to(registrarEmail).size() == 1);
        String link = TestMail.linkPath(TestMail.to(registrarEmail).get(0));
        String password = "registrar's own long password 7";
        mvc.perform(post(link).with(csrf()).param("password", password).param("confirmPassword", password))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/password/done"));
        String username = jdbc.sql("SELECT username FROM staff_account WHERE email = :e")
                .param("e", registrarEmail)
                .query(String.class)
                .single();
        var registrar = signIn(username, password);

        // The registrar registers a patron; the patron belongs to the new organisation.
        var random = ThreadLocalRandom.current();
        String code = PersonalIdentityCode.of(
                LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 40)),
                "-YXWVU".charAt(random.nextInt(6)),
                2 + random.nextInt(898));
        String lastName = TestData.unique("Rekisteröity");
        var form = new LinkedMultiValueMap<String, String>();
        form.add("submissionToken", UUID.randomUUID().toString());
        form.add("hetu", code);
        form.add("firstName", "Aino");
        form.add("lastName", lastName);
        form.add("email", Applicants.email("patron"));
        form.add("phone", "+358 40 123 4567");
        form.add("streetAddress", "Kirjastokatu 2 A 5");
        form.add("postalCode", "00100");
        form.add("city", "Helsinki");
        form.add("language", "fi");
        form.add("channel", "PHONE");
        form.add("eligibility", "VISUAL");
        form.add("consent", "true");
        form.add("services", "ONLINE");
        form.add("credentialsTo", "PATRON");
        MockHttpServletResponse response = mvc.perform(
                        post("/patrons").with(registrar).params(form))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(303);
        assertThat(response.getRedirectedUrl()).startsWith("/patrons/");
        UUID patronId = UUID.fromString(response.getRedirectedUrl().substring("/patrons/".length()));
        assertThat(jdbc.sql("SELECT organisation_id FROM patron WHERE id = :id")
                        .param("id", patronId)
                        .query(UUID.class)
                        .single())
                .isEqualTo(organisationId);
        mvc.perform(get(response.getRedirectedUrl()).with(registrar))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(lastName)));
    }

    @Test
    void approvingAndRejectingAskForConfirmationAndABarePostDecidesNothing() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Varmistuskirjasto"));
        Applicants.submit(mvc, fields);
        UUID id = idOf(fields);
        String reference = jdbc.sql("SELECT reference FROM institution_application WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);

        var ask = mvc.perform(post("/institutions/applications/{id}/approve", id)
                        .with(session)
                        .param("version", versionOnPage(id, session)))
                .andReturn()
                .getResponse();
        assertThat(ask.getStatus()).isEqualTo(200);
        var confirm = Jsoup.parse(ask.getContentAsString());
        assertThat(confirm.select("h1").text()).isEqualTo("Hyväksytäänkö hakemus " + reference + "?");
        assertThat(confirm.select("#confirm-what").text()).contains(fields.get("email"));
        assertThat(confirm.select("#confirm-registrars li").eachText())
                .containsExactly(
                        "Maija Main <" + fields.get("registrars[0].email") + ">",
                        "Rauno Registrar <" + fields.get("registrars[1].email") + ">");
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        assertThat(organisationsNamed(fields.get("organisationName"))).isZero();

        var form = confirm.selectFirst("main form[action$=/approve]");
        assertThat(form.select("button").text()).isEqualTo("Kyllä, hyväksy hakemus");
        var yes = post(form.attr("action")).with(session);
        form.select("input[type=hidden]").forEach(input -> yes.param(input.attr("name"), input.val()));
        mvc.perform(yes).andExpect(status().isSeeOther());
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        assertThat(organisationsNamed(fields.get("organisationName"))).isEqualTo(1);

        Map<String, String> other = Applicants.library(TestData.unique("Hylkäyskirjasto"));
        Applicants.submit(mvc, other);
        UUID rejected = idOf(other);
        var askReject = Jsoup.parse(mvc.perform(post("/institutions/applications/{id}/reject", rejected)
                        .with(session)
                        .param("lang", "sv")
                        .param("reason", "Organisationen finns inte i Finland."))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(askReject.select("h1").text()).startsWith("Ska ansökan").endsWith("avslås?");
        assertThat(askReject.select("#confirm-reason").text()).isEqualTo("Organisationen finns inte i Finland.");
        assertThat(statusOf(rejected)).isEqualTo("RECEIVED");
        var rejectForm = askReject.selectFirst("main form[action$=/reject]");
        var reallyReject = post(rejectForm.attr("action")).with(session);
        rejectForm.select("input[type=hidden]").forEach(input -> reallyReject.param(input.attr("name"), input.val()));
        mvc.perform(reallyReject).andExpect(status().isSeeOther());
        assertThat(statusOf(rejected)).isEqualTo("REJECTED");
        await().atMost(mailWait()).until(() -> TestMail.to(other.get("email")).stream()
                .anyMatch(m -> TestMail.body(m).contains("Organisationen finns inte i Finland.")));
    }

    @Test
    void theApprovalMailSpeaksOfInvitationsOnlyWhenThereAreAnyAndTheInvitationNamesTheOrganisation() throws Exception {
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        Map<String, String> careHome = Applicants.careHome(TestData.unique("Hoivakoti Kielo"));
        Applicants.submit(mvc, careHome);
        mvc.perform(post("/institutions/applications/{id}/approve", idOf(careHome))
                        .with(session)
                        .param("confirmed", "true"))
                .andExpect(status().isSeeOther());

        String name = TestData.unique("Kutsukirjasto");
        Map<String, String> library = Applicants.library(name);
        Applicants.submit(mvc, library);
        mvc.perform(post("/institutions/applications/{id}/approve", idOf(library))
                        .with(session)
                        .param("confirmed", "true"))
                .andExpect(status().isSeeOther());

        await().atMost(mailWait())
                .until(() -> TestMail.to(careHome.get("email")).stream()
                                .anyMatch(m -> subject(m).contains("hyväksytty"))
                        && TestMail.to(library.get("email")).stream()
                                .anyMatch(m -> subject(m).contains("hyväksytty"))
                        && TestMail.to(library.get("registrars[0].email")).size() == 1);
        String careHomeMail = approvalBody(careHome.get("email"));
        assertThat(careHomeMail)
                .contains("on hyväksytty")
                .doesNotContain("rekisteröijä")
                .doesNotContain("kutsu");
        String libraryMail = approvalBody(library.get("email"));
        assertThat(libraryMail)
                .contains("Nimeämänne rekisteröijät saavat kukin oman kutsunsa sähköpostiin: "
                        + "Maija Main, Rauno Registrar.");

        MimeMessage invitation = TestMail.to(library.get("registrars[0].email")).get(0);
        assertThat(subject(invitation)).isEqualTo("Kutsu Celianetiin: " + name);
        assertThat(TestMail.body(invitation)).contains("rekisteröit asiakkaita yhteisölle " + name + ".");

        // Each link's page says which user name the password is for.
        String username = jdbc.sql("SELECT username FROM staff_account WHERE email = :e")
                .param("e", library.get("registrars[0].email"))
                .query(String.class)
                .single();
        assertThat(Jsoup.parse(mvc.perform(get(TestMail.linkPath(invitation)))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("#user-name")
                        .text())
                .isEqualTo("Käyttäjätunnuksesi on " + username + ".");
        MimeMessage approved = TestMail.to(library.get("email")).stream()
                .filter(m -> subject(m).contains("hyväksytty"))
                .findFirst()
                .orElseThrow();
        String customerUsername = jdbc.sql("SELECT lower(customer_number) FROM organisation WHERE name = :n")
                .param("n", name)
                .query(String.class)
                .single();
        assertThat(Jsoup.parse(mvc.perform(get(TestMail.linkPath(approved)))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("#user-name")
                        .text())
                .isEqualTo("Käyttäjätunnuksesi on " + customerUsername + ".");
    }

    @Test
    void staffSeeTheApplicantsReplyAwaitedInTheirOwnWords() throws Exception {
        var session = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        for (String[] expected : new String[][] {
            {"fi", "Odottaa hakijan vastausta"},
            {"sv", "Väntar på sökandens svar"},
            {"en", "Waiting for the applicant's reply"}
        }) {
            var queue = Jsoup.parse(mvc.perform(get("/institutions/applications")
                            .param("lang", expected[0])
                            .with(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(queue.select("select#status option[value=WAITING_FOR_APPLICANT]")
                            .text())
                    .isEqualTo(expected[1]);
        }
    }

    private String statusOf(UUID id) {
        return jdbc.sql("SELECT status FROM institution_application WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private int organisationsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM organisation WHERE name = :n")
                .param("n", name)
                .query(Integer.class)
                .single();
    }

    private static String approvalBody(String recipient) {
        return TestMail.body(TestMail.to(recipient).stream()
                .filter(m -> subject(m).contains("hyväksytty"))
                .findFirst()
                .orElseThrow());
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int queued(String recipient, String template) {
        return jdbc.sql(
                        "SELECT count(*) FROM outbound_mail WHERE recipient = :r AND split_part(dedupe_key, ':', 1) = :t")
                .param("r", recipient)
                .param("t", template)
                .query(Integer.class)
                .single();
    }
}
