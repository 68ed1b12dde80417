package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.RealHttp;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JoinTest extends IntegrationTest {

    @Test
    void anApplicationLeadsToItsTrackingPageAndAnAcknowledgementMail() throws Exception {
        // Wednesday 10:00 in Helsinki: two working days on is Friday.
        clock.set(Instant.parse("2026-12-02T08:00:00Z"));
        mvc.perform(get("/join").param("type", "LIBRARY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Päätöstä odottavia hakemuksia nyt")))
                .andExpect(content().string(containsString("name=\"registrars[0].email\"")));
        String name = TestData.unique("Kallion kirjasto");
        Map<String, String> fields = Applicants.library(name);
        String path = Applicants.submit(mvc, fields);
        assertThat(path).matches("/join/status/[A-Za-z0-9_-]{32}");

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*L-2026-\\d{5}.*")))
                .andExpect(content().string(containsString("Vastaanotettu")))
                .andExpect(content().string(containsString("4.12.2026")));

        String reference = jdbc.sql("SELECT reference FROM institution_application WHERE organisation_name = :n")
                .param("n", name)
                .query(String.class)
                .single();
        await().atMost(mailWait()).until(() -> !TestMail.to(fields.get("email")).isEmpty());
        MimeMessage mail = TestMail.to(fields.get("email")).get(0);
        assertThat(mail.getSubject()).contains(reference);
        assertThat(TestMail.linkPath(mail)).isEqualTo(path);
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application_registrar r JOIN institution_application a"
                                + " ON a.id = r.application_id WHERE a.organisation_name = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theSameSubmissionTwiceMakesOneApplication() throws Exception {
        String name = TestData.unique("Tuplakirjasto");
        Map<String, String> fields = Applicants.library(name);
        String first = Applicants.submit(mvc, fields);
        String second = Applicants.submit(mvc, fields);
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application WHERE organisation_name = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDoubleClickArrivingAtOnceMakesOneApplication() throws Exception {
        String name = TestData.unique("Kaksoisnapsautus");
        Map<String, String> fields = Applicants.library(name);
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        var first = pool.submit(() -> {
            start.await();
            return Applicants.submit(mvc, fields);
        });
        var second = pool.submit(() -> {
            start.await();
            return Applicants.submit(mvc, fields);
        });
        start.countDown();
        assertThat(first.get()).isEqualTo(second.get());
        pool.shutdown();
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application WHERE organisation_name = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anApplicationInSwedishIsAnsweredInSwedish() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Stadsbiblioteket"));
        fields.put("lang", "sv");
        String path = Applicants.submit(mvc, fields);
        mvc.perform(get(path).param("lang", "sv")).andExpect(content().string(containsString("Mottagen")));
        await().atMost(mailWait()).until(() -> !TestMail.to(fields.get("email")).isEmpty());
        assertThat(TestMail.to(fields.get("email")).get(0).getSubject()).contains("har tagits emot");
    }

    @Test
    void aRegistrarRowFarBeyondTheLimitIsNotAnError() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Rajakirjasto"));
        fields.put("registrars[500].name", "Liikaa");
        mvc.perform(Applicants.post(fields))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Hakemusta ei voitu lähettää")));
    }

    @Test
    void aRegistrarRowIsAddedWithoutJavaScript() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Rivikirjasto"));
        fields.put("addRegistrar", "1");
        mvc.perform(Applicants.post(fields))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"registrars[2].name\"")))
                .andExpect(content().string(containsString(fields.get("registrars[1].email"))))
                .andExpect(content().string(not(containsString("error-summary"))));
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application WHERE organisation_name = :n")
                        .param("n", fields.get("organisationName"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "businessId | 1234567-2 | Y-tunnuksen tarkistusnumero ei täsmää",
                "businessId | 1234567-8 | Y-tunnuksen tarkistusnumero ei täsmää",
                "businessId | 0000006-0 | näillä seitsemällä numerolla ei voi olla Y-tunnusta",
                "businessId | 123456-1 | Y-tunnus on seitsemän numeroa",
                "businessId | 12345678-1 | Y-tunnus on seitsemän numeroa",
                "businessId | '' | Anna organisaation Y-tunnus",
                "email | not-an-address | Anna sähköpostiosoite muodossa",
                "email | name@nodot | Anna sähköpostiosoite muodossa",
                "organisationName | <script>alert(1)</script> | merkkejä, joita ei voi käyttää",
                "acceptTerms | false | Hyväksy sopimusehdot",
                "registrars[0].email | maija@ | Anna sähköpostiosoite muodossa",
            })
    void badInputIsAClearMessageWithTheInputKept(String field, String value, String message) throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Virhekirjasto"));
        fields.put(field, value);
        var result = mvc.perform(Applicants.post(fields))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("error-summary")))
                .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .contains(fields.get("contactName"))
                .doesNotContain("<script>alert(1)</script>");
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application WHERE submission_token = :t")
                        .param("t", fields.get("submissionToken"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void tenThousandCharactersAreTooLongNotAnError() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Pitkä"));
        String huge = "x".repeat(10_000);
        for (String field : new String[] {
            "organisationName",
            "businessId",
            "contactName",
            "email",
            "phone",
            "streetAddress",
            "postalCode",
            "city",
            "message",
            "registrars[0].name",
            "submissionToken"
        }) {
            fields.put(field, huge);
        }
        mvc.perform(Applicants.post(fields))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Teksti on liian pitkä")));
    }

    @Test
    void anOtherOrganisationMayApplyWithoutABusinessIdOnlyWithAReason() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Lukupiiri"));
        fields.put("organisationType", "OTHER");
        fields.put("businessId", "");
        fields.keySet().removeIf(name -> name.startsWith("registrars"));
        mvc.perform(Applicants.post(fields))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("kerro, miksi yhteisöllä ei ole sitä")));
        fields.put("noBusinessIdReason", "Rekisteröimätön yhdistys");
        String path = Applicants.submit(mvc, fields);
        mvc.perform(get(path)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT business_id IS NULL FROM institution_application WHERE submission_token = :t")
                        .param("t", fields.get("submissionToken"))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application_registrar r JOIN institution_application a"
                                + " ON a.id = r.application_id WHERE a.submission_token = :t")
                        .param("t", fields.get("submissionToken"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theTypeComesFirstAndTheFormAsksOnlyWhatThatTypeNeeds() throws Exception {
        var choice =
                Jsoup.parse(mvc.perform(get("/join")).andReturn().getResponse().getContentAsString());
        var typeForm = choice.selectFirst("main form");
        assertThat(typeForm.attr("method")).isEqualTo("get");
        assertThat(typeForm.select("input[type=radio][name=type]").eachAttr("value"))
                .containsExactly("LIBRARY", "SCHOOL", "CARE_HOME", "OTHER");
        assertThat(choice.select("input[name^=registrars]")).isEmpty();
        assertThat(typeForm.select("button").text()).isEqualTo("Jatka");

        var careHome = Jsoup.parse(mvc.perform(get("/join").param("type", "CARE_HOME"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(careHome.select("select#organisationType option[selected]").val())
                .isEqualTo("CARE_HOME");
        assertThat(careHome.select("input[name^=registrars]")).isEmpty();
        assertThat(careHome.select("#registrars, button[name=addRegistrar]")).isEmpty();
        assertThat(careHome.select("input[name=noBusinessIdReason]")).isEmpty();

        var library = Jsoup.parse(mvc.perform(get("/join").param("type", "LIBRARY"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(library.select("input[name^=registrars]").eachAttr("name"))
                .containsExactly("registrars[0].name", "registrars[0].email");
        assertThat(library.select("button[name=addRegistrar]")).hasSize(1);

        var other = Jsoup.parse(mvc.perform(get("/join").param("type", "OTHER"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(other.select("input[name=noBusinessIdReason]")).hasSize(1);
        assertThat(other.select("input[name^=registrars]")).isEmpty();

        var unknown = Jsoup.parse(mvc.perform(get("/join").param("type", "CASTLE"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(unknown.select(".error-summary a[href=#type]").text()).isEqualTo("Valitse yhteisön tyyppi.");

        var swedish = Jsoup.parse(mvc.perform(get("/join").param("type", "").param("lang", "sv"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(swedish.select(".error-summary a[href=#type]").text()).isNotBlank();
        assertThat(swedish.select("main form button").text()).isEqualTo("Fortsätt");
    }

    @Test
    void aCareHomeNamingRegistrarsIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Hoitokoti Kaisla"));
        fields.put("organisationType", "CARE_HOME");
        var response = mvc.perform(Applicants.post(fields)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".error-summary a[href=#organisationType]").text())
                .isEqualTo("Rekisteröijiä voi nimetä vain kirjastolle ja koululle. "
                        + "Poista rekisteröijät tai valitse toinen tyyppi.");
        // The rows named are shown, each with its remove button, and the rest of the input is kept.
        assertThat(page.select("#registrars-0-name").val()).isEqualTo("Maija Main");
        assertThat(page.select("button[name=removeRow]").eachAttr("value")).containsExactly("0", "1");
        assertThat(page.select("button[name=addRegistrar]")).isEmpty();
        assertThat(page.select("#organisationName").val()).isEqualTo(fields.get("organisationName"));
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application WHERE submission_token = :t")
                        .param("t", fields.get("submissionToken"))
                        .query(Integer.class)
                        .single())
                .isZero();

        fields.keySet().removeIf(name -> name.startsWith("registrars"));
        Applicants.submit(mvc, fields);
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application_registrar r JOIN institution_application a"
                                + " ON a.id = r.application_id WHERE a.submission_token = :t")
                        .param("t", fields.get("submissionToken"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aRegistrarRowIsRemovedWithoutJavaScriptAndTheRestIsKept() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Poistokirjasto"));
        var response = mvc.perform(Applicants.post(fields).param("removeRow", "0"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".error-summary")).isEmpty();
        assertThat(page.select("input[name^=registrars]").eachAttr("name"))
                .containsExactly("registrars[0].name", "registrars[0].email");
        assertThat(page.select("#registrars-0-name").val()).isEqualTo("Rauno Registrar");
        assertThat(page.select("#registrars-0-email").val()).isEqualTo(fields.get("registrars[1].email"));
        assertThat(page.select("#organisationName").val()).isEqualTo(fields.get("organisationName"));
        assertThat(page.select("#email").val()).isEqualTo(fields.get("email"));
        // One row is left, and a library needs one: no remove button on it.
        assertThat(page.select("button[name=removeRow]")).isEmpty();
        assertThat(page.select("button[name=addRegistrar]")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application WHERE submission_token = :t")
                        .param("t", fields.get("submissionToken"))
                        .query(Integer.class)
                        .single())
                .isZero();

        var school = Jsoup.parse(mvc.perform(get("/join").param("type", "SCHOOL"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(school.select("button[name=removeRow]")).isEmpty();
        assertThat(Jsoup.parse(mvc.perform(Applicants.post(Applicants.library(TestData.unique("Kaksi")))
                                        .param("addRegistrar", "1"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("button[name=removeRow]")
                        .eachText())
                .containsExactly("Poista rekisteröijä 1", "Poista rekisteröijä 2", "Poista rekisteröijä 3");
    }

    @Test
    void theHoneypotKeepsRobotsOut() throws Exception {
        Map<String, String> fields = Applicants.library(TestData.unique("Robotti"));
        fields.put("website", "http://spam.example");
        mvc.perform(Applicants.post(fields))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hakemusta ei voitu lähettää")));
        assertThat(jdbc.sql("SELECT count(*) FROM institution_application WHERE submission_token = :t")
                        .param("t", fields.get("submissionToken"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aSixthApplicationInAnHourFromOneAddressGetsACalmMessage() throws Exception {
        String email = Applicants.email("busy");
        for (int i = 0; i < 5; i++) {
            Map<String, String> fields = Applicants.library(TestData.unique("Haara " + i));
            fields.put("email", email);
            Applicants.submit(mvc, fields);
        }
        Map<String, String> sixth = Applicants.library(TestData.unique("Haara 6"));
        sixth.put("email", email);
        mvc.perform(Applicants.post(sixth))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Yritä uudelleen tunnin kuluttua")))
                .andExpect(content().string(containsString(sixth.get("organisationName"))));
        clock.advance(Duration.ofMinutes(61));
        Applicants.submit(mvc, sixth);
    }

    @Test
    void aCityMayApplyForThirtyBranchesFromOneOffice() throws Exception {
        String office = Applicants.randomAddress();
        for (int i = 0; i < 30; i++) {
            Map<String, String> fields = Applicants.library(TestData.unique("Sivukirjasto " + i));
            var result = mvc.perform(Applicants.post(fields, office)).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(303);
        }
        Map<String, String> more = Applicants.library(TestData.unique("Sivukirjasto 31"));
        mvc.perform(Applicants.post(more, office)).andExpect(status().isTooManyRequests());
    }

    @Test
    void theRealFormPostsWithItsOwnTokensAndAnswers303() {
        var browser = new RealHttp(port);
        Map<String, String> fields = Applicants.library(TestData.unique("Selainkirjasto"));
        String page = browser.get("/join?type=LIBRARY").body();
        var token = Jsoup.parse(page).selectFirst("input[name=submissionToken]");
        assertThat(token).isNotNull();
        fields.put("submissionToken", token.attr("value"));
        var response = browser.submit("/join?type=LIBRARY", "/join", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/join/status/");
        var status = browser.get(URI.create(location).getPath());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains(fields.get("organisationName"));
        assertThat(status.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void anUnknownTrackingTokenIsTheNotFoundPage() {
        var browser = new RealHttp(port);
        var response = browser.get("/join/status/" + "A".repeat(32));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<main").doesNotContain("Exception");
        assertThat(browser.get("/join/status/" + "x".repeat(5000)).statusCode()).isEqualTo(404);
    }
}
