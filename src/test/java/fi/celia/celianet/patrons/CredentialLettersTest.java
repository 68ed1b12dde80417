package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

/** Credentials by letter: one waiting letter per registration, printed once into one PDF, then posted. */
class CredentialLettersTest extends IntegrationTest {

    @Test
    void aPhoneRegistrationByLetterSubmittedTwiceAtOnceMakesExactlyOneWaitingLetter() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var fields = byLetter();

        List<MockHttpServletResponse> answers =
                atOnce(2, () -> mvc.perform(post("/patrons").with(session).params(fields))
                        .andReturn()
                        .getResponse());

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(303);
        assertThat(answers)
                .extracting(MockHttpServletResponse::getRedirectedUrl)
                .hasSize(2)
                .containsOnly(answers.get(0).getRedirectedUrl());
        UUID patron = UUID.fromString(answers.get(0).getRedirectedUrl().substring("/patrons/".length()));
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE last_name = :last")
                        .param("last", fields.getFirst("lastName"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM credential_letter WHERE patron_id = :id AND printed_at IS NULL")
                        .param("id", patron)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_mail WHERE reference_id = :id")
                        .param("id", patron)
                        .query(Integer.class)
                        .single())
                .isZero();
        // asking for a letter again while one waits adds nothing
        assertThat(mvc.perform(post("/patrons/" + patron + "/letters").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM credential_letter WHERE patron_id = :id")
                        .param("id", patron)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLetterNeedsThePatronsOwnAddressAndTheLetterInPersonNeedsARegistrationInPerson() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var fields = byLetter();
        fields.remove("streetAddress");
        fields.remove("postalCode");
        fields.remove("city");
        fields.set("services", "ONLINE");
        var refused = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("Kirjettä varten tarvitaan asiakkaan katuosoite")
                .contains("Kirjettä varten tarvitaan postinumero")
                .contains("Kirjettä varten tarvitaan postitoimipaikka");
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE last_name = :last")
                        .param("last", fields.getFirst("lastName"))
                        .query(Integer.class)
                        .single())
                .isZero();

        // by phone without an e-mail address is fine; the edit then cannot switch to the letter in person
        fields.set("credentialsBy", "PHONE");
        UUID patron = register(session, fields);
        var edit = mvc.perform(post("/patrons/" + patron)
                        .with(session)
                        .param("language", "fi")
                        .param("services", "ONLINE")
                        .param("credentialsTo", "PATRON")
                        .param("credentialsBy", "IN_PERSON"))
                .andReturn()
                .getResponse();
        assertThat(edit.getContentAsString()).contains("Tulostetun kirjeen voi ojentaa vain");
        assertThat(jdbc.sql("SELECT credentials_by FROM patron WHERE id = :id")
                        .param("id", patron)
                        .query(String.class)
                        .single())
                .isEqualTo("PHONE");
    }

    @Test
    void theOrganisationPrintsItsWaitingLettersIntoOnePdfWhoseCodesWorkAndMarksThemPosted() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var other = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var otherSession = signIn(data.account(Role.REGISTRAR, other).getUsername(), TestData.PASSWORD);
        UUID first = register(session, byLetter());
        UUID second = register(session, byLetter());
        UUID elsewhere = register(otherSession, byLetter());
        String firstNumber = number(first);
        String secondNumber = number(second);

        String page = mvc.perform(get("/patrons/letters").with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(firstNumber).contains(secondNumber).doesNotContain(number(elsewhere));
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/patrons/letters").with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(firstNumber)
                .contains(number(elsewhere))
                .contains(library.getName());

        var printed = mvc.perform(post("/patrons/letters/print").with(session))
                .andReturn()
                .getResponse();
        assertThat(printed.getStatus()).isEqualTo(200);
        assertThat(printed.getContentType()).isEqualTo("application/pdf");
        assertThat(printed.getHeader("Cache-Control")).isEqualTo("no-store");
        byte[] pdf = printed.getContentAsByteArray();
        assertThat(LetterPdfs.pages(pdf)).isEqualTo(2);
        String text = LetterPdfs.text(pdf);
        assertThat(LetterPdfs.patronNumbers(text)).containsExactlyInAnyOrder(firstNumber, secondNumber);
        List<String> codes = LetterPdfs.codes(text);
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();
        for (String code : codes) {
            assertThat(mvc.perform(post("/activate").with(csrf()).param("code", code))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("name=\"password\"");
        }

        var again = mvc.perform(post("/patrons/letters/print").with(session))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("Yksikään kirje ei odota tulostusta");
        assertThat(patronPage(session, first)).contains("Kirje tulostettu");

        UUID letter = jdbc.sql("SELECT id FROM credential_letter WHERE patron_id = :id")
                .param("id", first)
                .query(UUID.class)
                .single();
        assertThat(mvc.perform(post("/patrons/letters/" + letter + "/posted").with(otherSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
        var posted = mvc.perform(post("/patrons/letters/" + letter + "/posted").with(session))
                .andReturn()
                .getResponse();
        assertThat(posted.getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT posted_at IS NOT NULL FROM credential_letter WHERE id = :id")
                        .param("id", letter)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(patronPage(session, first)).contains("Kirje postitettu");
    }

    @Test
    void twoPrintsAtOnceNeverPrintTheSameLetterTwice() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            numbers.add(number(register(session, byLetter())));
        }

        List<MockHttpServletResponse> answers =
                atOnce(2, () -> mvc.perform(post("/patrons/letters/print").with(session))
                        .andReturn()
                        .getResponse());

        List<String> printed = new ArrayList<>();
        for (var answer : answers) {
            if (answer.getStatus() == 200) {
                printed.addAll(LetterPdfs.patronNumbers(LetterPdfs.text(answer.getContentAsByteArray())));
            } else {
                assertThat(answer.getStatus()).isEqualTo(409);
            }
        }
        assertThat(printed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numbers);
    }

    private static MultiValueMap<String, String> byLetter() {
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), "");
        fields.set("credentialsBy", "LETTER");
        return fields;
    }

    private UUID register(RequestPostProcessor session, MultiValueMap<String, String> fields) throws Exception {
        var saved = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        return UUID.fromString(saved.getRedirectedUrl().substring("/patrons/".length()));
    }

    private String number(UUID patron) {
        return jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", patron)
                .query(String.class)
                .single();
    }

    private String patronPage(RequestPostProcessor session, UUID id) throws Exception {
        return mvc.perform(get("/patrons/" + id).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Runs the same request on several threads released together. */
    private static <T> List<T> atOnce(int threads, Callable<T> request) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
