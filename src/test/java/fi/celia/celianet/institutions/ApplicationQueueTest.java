package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.institutions.internal.ApplicationFigures;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationDetails;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ApplicationQueueTest extends IntegrationTest {

    @Autowired
    private ApplicationFigures figures;

    private void at(int year, int month, int day, int hour) {
        clock.set(Helsinki.instantOf(LocalDateTime.of(year, month, day, hour, 0)));
    }

    private UUID idOf(Map<String, String> fields) {
        return jdbc.sql("SELECT id FROM institution_application WHERE submission_token = :t")
                .param("t", fields.get("submissionToken"))
                .query(UUID.class)
                .single();
    }

    private String referenceOf(UUID id) {
        return jdbc.sql("SELECT reference FROM institution_application WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private RequestPostProcessor staff() throws Exception {
        return signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
    }

    /** The queue row's "working days" cell, as staff see it. */
    private String workingDaysCell(RequestPostProcessor session, String reference) throws Exception {
        String page = mvc.perform(get("/institutions/applications").with(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var row = Jsoup.parse(page).getElementById("row-" + reference);
        assertThat(row).as("queue row " + reference).isNotNull();
        var cell = row.select("td").get(4);
        return cell.text() + (cell.hasClass("overdue") ? " [red]" : "");
    }

    @Test
    void askingForInformationPausesTheClockAndTheReplyResumesIt() throws Exception {
        at(2027, 3, 1, 9); // Monday
        Map<String, String> fields = Applicants.library(TestData.unique("Kysymyskirjasto"));
        String statusPath = Applicants.submit(mvc, fields);
        UUID id = idOf(fields);
        String reference = referenceOf(id);
        var session = staff();

        at(2027, 3, 2, 10); // Tuesday: one working day
        assertThat(workingDaysCell(session, reference)).startsWith("1").doesNotContain("Myöhässä");
        mvc.perform(post("/institutions/applications/{id}/request-info", id)
                        .with(session)
                        .param("message", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kirjoita kysymys hakijalle")));
        mvc.perform(post("/institutions/applications/{id}/request-info", id)
                        .with(session)
                        .param("message", "Montako sivukirjastoa on?"))
                .andExpect(status().isSeeOther());
        await().atMost(mailWait()).until(() -> TestMail.to(fields.get("email")).stream()
                .anyMatch(m -> TestMail.body(m).contains("Montako sivukirjastoa on?")));
        mvc.perform(get(statusPath))
                .andExpect(content().string(containsString("Odottaa vastaustasi")))
                .andExpect(content().string(containsString("Montako sivukirjastoa on?")));

        at(2027, 3, 5, 14); // Friday: the clock stood still
        assertThat(workingDaysCell(session, reference)).startsWith("1").contains("tauolla");
        mvc.perform(post(statusPath + "/reply").with(csrf()).param("reply", "Ei ole."))
                .andExpect(status().isSeeOther());
        mvc.perform(get(statusPath)).andExpect(content().string(containsString("Käsittelyssä")));

        at(2027, 3, 8, 9); // Monday: Tuesday and Monday count, the paused days do not
        assertThat(workingDaysCell(session, reference)).startsWith("2").doesNotContain("Myöhässä");
        at(2027, 3, 9, 9);
        assertThat(workingDaysCell(session, reference))
                .startsWith("3")
                .contains("Myöhässä")
                .endsWith("[red]");
        mvc.perform(get("/institutions/applications/{id}", id).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ei ole.")))
                .andExpect(content().string(containsString("Montako sivukirjastoa on?")));
    }

    @Test
    void overdueCountsOnlyWorkingDaysAcrossAWeekendAndAHoliday() throws Exception {
        at(2026, 5, 13, 15); // Wednesday before Ascension Day (Thursday 14 May 2026)
        Map<String, String> fields = Applicants.library(TestData.unique("Helatorstai"));
        Applicants.submit(mvc, fields);
        String reference = referenceOf(idOf(fields));
        var session = staff();
        at(2026, 5, 15, 9); // Friday: one working day
        assertThat(workingDaysCell(session, reference)).startsWith("1");
        at(2026, 5, 18, 16); // Monday: two, the target, not yet overdue
        assertThat(workingDaysCell(session, reference)).startsWith("2").doesNotContain("Myöhässä");
        at(2026, 5, 19, 8); // Tuesday: three, overdue by text and colour
        assertThat(workingDaysCell(session, reference))
                .startsWith("3")
                .contains("Myöhässä")
                .endsWith("[red]");

        at(2026, 12, 4, 12); // Friday before Independence Day (Sunday) and after it
        Map<String, String> december = Applicants.library(TestData.unique("Itsenäisyyspäivä"));
        Applicants.submit(mvc, december);
        String second = referenceOf(idOf(december));
        at(2026, 12, 8, 12); // Tuesday: Monday and Tuesday
        assertThat(workingDaysCell(session, second)).startsWith("2").doesNotContain("Myöhässä");
        at(2026, 12, 28, 12); // after Christmas Eve, Christmas Day and Boxing Day
        // 7–11 Dec (5), 14–18 (5), 21–23 (3), 28 (1): 14
        assertThat(workingDaysCell(session, second)).startsWith("14").contains("Myöhässä");
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 31, 2027})
    void theHomePanelCountsTheSameOverdueApplicationsAsTheDigestLists(long seed) throws Exception {
        var random = new Random(seed);
        var session = staff();
        LocalDateTime start = LocalDateTime.of(2031, 1, 5, 9, 0).plusDays(random.nextInt(300));
        for (int i = 0; i < 6; i++) {
            LocalDateTime submitted = start.plusDays(random.nextInt(20)).plusHours(random.nextInt(10));
            clock.set(Helsinki.instantOf(submitted));
            Map<String, String> fields = Applicants.library(TestData.unique("Laskukirjasto"));
            String statusPath = Applicants.submit(mvc, fields);
            if (random.nextBoolean()) {
                LocalDateTime asked = submitted.plusDays(random.nextInt(6));
                clock.set(Helsinki.instantOf(asked));
                mvc.perform(post("/institutions/applications/{id}/request-info", idOf(fields))
                                .with(session)
                                .param("message", "Kuinka monta lukijaa?"))
                        .andExpect(status().isSeeOther());
                if (random.nextBoolean()) {
                    clock.set(Helsinki.instantOf(asked.plusDays(1 + random.nextInt(9))));
                    mvc.perform(post(statusPath + "/reply").with(csrf()).param("reply", "Kymmenen."))
                            .andExpect(status().isSeeOther());
                }
            }
        }
        boolean someOverdue = false;
        for (int day = 0; day <= 40; day += 3) {
            clock.set(Helsinki.instantOf(start.plusDays(day)));
            int counted = figures.overdueCount();
            assertThat(counted).as("day " + day).isEqualTo(figures.overdue().size());
            someOverdue |= counted > 0;
            String home = mvc.perform(get("/").with(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(home).getElementById("home-overdue").text()).isEqualTo(String.valueOf(counted));
        }
        assertThat(someOverdue).isTrue();
    }

    @Test
    void theQueueIsForServiceStaffOnly() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        mvc.perform(get("/institutions/applications").with(registrar)).andExpect(status().isForbidden());
        mvc.perform(get("/institutions").with(registrar)).andExpect(status().isForbidden());
        mvc.perform(get("/institutions/customers/{id}", library.getId()).with(registrar))
                .andExpect(status().isForbidden());
        mvc.perform(post("/institutions/applications/{id}/approve", UUID.randomUUID())
                        .with(registrar))
                .andExpect(status().isForbidden());
    }

    @Test
    void filtersByStatusTypeAndAssignee() throws Exception {
        Map<String, String> school = Applicants.library(TestData.unique("Koulu"));
        school.put("organisationType", "SCHOOL");
        Applicants.submit(mvc, school);
        Map<String, String> care = Applicants.careHome(TestData.unique("Hoitokoti"));
        Applicants.submit(mvc, care);
        var session = staff();
        UUID schoolId = idOf(school);
        mvc.perform(post("/institutions/applications/{id}/take", schoolId).with(session))
                .andExpect(status().isSeeOther());
        String mine = mvc.perform(get("/institutions/applications")
                        .param("assignee", "me")
                        .with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(mine).contains(school.get("organisationName")).doesNotContain(care.get("organisationName"));
        String careHomes = mvc.perform(get("/institutions/applications")
                        .param("type", "CARE_HOME")
                        .with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(careHomes).contains(care.get("organisationName")).doesNotContain(school.get("organisationName"));
        String inReview = mvc.perform(get("/institutions/applications")
                        .param("status", "IN_REVIEW")
                        .with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inReview).contains(school.get("organisationName")).doesNotContain(care.get("organisationName"));
        await().atMost(mailWait()).until(() -> TestMail.to(school.get("email")).stream()
                .anyMatch(m -> subject(m).contains("käsittelyssä")));
    }

    @Test
    void aFilterThatIsNoneOfTheOptionsIsAFieldErrorOnTheSamePageNotAFilterDropped() throws Exception {
        Map<String, String> school = Applicants.library(TestData.unique("Suodatinkoulu"));
        Applicants.submit(mvc, school);
        var session = staff();
        for (String filter : new String[] {"status", "type", "assignee"}) {
            var response = mvc.perform(get("/institutions/applications")
                            .param(filter, "EVERYTHING")
                            .with(session))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(filter).isEqualTo(200);
            var page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select("#" + filter + "-error").text())
                    .as(filter)
                    .contains("Valitse jokin tarjotuista vaihtoehdoista.");
            assertThat(page.select(".error-summary a[href=#" + filter + "]"))
                    .as(filter)
                    .hasSize(1);
            assertThat(page.text()).as(filter).doesNotContain(school.get("organisationName"));
        }
        var page = Jsoup.parse(mvc.perform(get("/institutions/applications")
                        .param("status", "RECEIVED")
                        .param("type", "LIBRARY")
                        .param("assignee", "none")
                        .with(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".error-summary")).isEmpty();
        assertThat(page.text()).contains(school.get("organisationName"));
        assertThat(page.select("#status option[selected]").val()).isEqualTo("RECEIVED");
        assertThat(page.select("#type option[selected]").val()).isEqualTo("LIBRARY");
        assertThat(page.select("#assignee option[selected]").val()).isEqualTo("none");
    }

    @Test
    void aCustomerSearchWithAControlCharacterIsAFieldErrorOnTheSamePage() throws Exception {
        String name = TestData.unique("Hakukirjasto");
        data.library(name);
        var session = staff();
        mvc.perform(get("/institutions").param("q", name).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        var response = mvc.perform(
                        get("/institutions").param("q", name + "\u0000").with(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#q-error").text()).contains("Poista kentästä näkymättömät ohjausmerkit.");
        assertThat(page.select(".error-summary a[href=#q]")).hasSize(1);
        assertThat(page.select("table")).isEmpty();
    }

    @Test
    void aSecondApplicationWithTheSameBusinessIdIsFlaggedNotRefused() throws Exception {
        Map<String, String> first = Applicants.library(TestData.unique("Ensimmäinen"));
        Applicants.submit(mvc, first);
        Map<String, String> second = Applicants.library(TestData.unique("Toinen"));
        second.put("businessId", first.get("businessId"));
        Applicants.submit(mvc, second);
        var session = staff();
        String firstReference = referenceOf(idOf(first));
        mvc.perform(get("/institutions/applications/{id}", idOf(second)).with(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Toinen avoin hakemus samalla Y-tunnuksella: " + firstReference)));
        String queue = mvc.perform(get("/institutions/applications").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(queue).getElementById("row-" + firstReference).text())
                .contains("Mahdollinen kaksoiskappale");
    }

    @Autowired
    private Organisations organisations;

    @Test
    void anExistingCustomerWithTheSameBusinessIdIsFlagged() throws Exception {
        String businessId = Applicants.businessId();
        var customer = organisations.create(
                new OrganisationDetails(
                        TestData.unique("Vanha koulu"),
                        OrganisationType.SCHOOL,
                        businessId,
                        null,
                        null,
                        new PostalAddress("Koulukatu 1", "00100", "Helsinki"),
                        "fi"),
                "test");
        Map<String, String> fields = Applicants.library(TestData.unique("Uusi haku"));
        fields.put("businessId", businessId);
        Applicants.submit(mvc, fields);
        var session = staff();
        mvc.perform(get("/institutions/applications/{id}", idOf(fields)).with(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Olemassa oleva asiakas samalla Y-tunnuksella: " + customer.getName()
                                + " (" + customer.getCustomerNumber() + ")")));
        String queue = mvc.perform(get("/institutions/applications").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(queue)
                        .getElementById("row-" + referenceOf(idOf(fields)))
                        .text())
                .contains("Mahdollinen kaksoiskappale");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
