package fi.celia.celianet.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The short code: its form, entry at /activate, one use, expiry, and the throttle on wrong codes. */
class ActivationCodeTest extends IntegrationTest {

    private static final String PASSWORD = "seitsemän kirjaa hyllyssä";

    @Autowired
    CredentialTokens tokens;

    @Test
    void codesHaveAtLeastSixtyRandomBitsInGroupsWithoutLookAlikes() {
        assertThat(ActivationCode.ALPHABET.chars().distinct().count()).isEqualTo(ActivationCode.ALPHABET_SIZE);
        assertThat(ActivationCode.LENGTH * Math.log(ActivationCode.ALPHABET_SIZE) / Math.log(2))
                .isGreaterThanOrEqualTo(60);
        assertThat(ActivationCode.ALPHABET).doesNotContainAnyWhitespaces();
        for (char lookAlike : "0O1IL".toCharArray()) {
            assertThat(ActivationCode.ALPHABET).doesNotContain(String.valueOf(lookAlike));
        }
        var random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = ActivationCode.generate(random);
            assertThat(code)
                    .matches("[ACDEFHJKMNPQRTWXY34679]{5}-[ACDEFHJKMNPQRTWXY34679]{5}-[ACDEFHJKMNPQRTWXY34679]{5}");
            assertThat(ActivationCode.plausible(
                            " " + code.toLowerCase(Locale.ROOT).replace("-", " - ") + " "))
                    .isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void theCodeSetsThePasswordOnceAndIsThenRefused() throws Exception {
        UUID patron = patron();
        String code = tokens.issueCode(TokenPurpose.PATRON_CODE, patron);
        // an e-mailed link issued later does not revoke the code
        tokens.issue(TokenPurpose.PATRON_ACTIVATION, patron);
        var client = client();

        var prefilled = mvc.perform(get("/activate").param("code", code).with(client))
                .andReturn()
                .getResponse();
        assertThat(prefilled.getStatus()).isEqualTo(200);
        assertThat(prefilled.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(prefilled.getContentAsString()).contains("value=\"" + code + "\"");

        String typed = code.toLowerCase(Locale.ROOT).replace("-", " ");
        var passwordPage = mvc.perform(
                        post("/activate").with(csrf()).with(client).param("code", typed))
                .andReturn()
                .getResponse();
        assertThat(passwordPage.getStatus()).isEqualTo(200);
        assertThat(passwordPage.getContentAsString())
                .contains("name=\"password\"")
                .contains("action=\"/activate/password\"")
                .contains("id=\"sign-in-at\"")
                .contains("https://celia.fi");

        var done = setPassword(client, typed);
        assertThat(done.getStatus()).isEqualTo(303);
        assertThat(done.getRedirectedUrl()).isEqualTo("/account/done");
        assertThat(jdbc.sql("SELECT password_hash IS NOT NULL FROM patron WHERE id = :id")
                        .param("id", patron)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        var again = mvc.perform(post("/activate").with(csrf()).with(client).param("code", code))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(410);
        assertThat(again.getContentAsString()).contains("Koodi on jo käytetty").doesNotContain("name=\"password\"");
        assertThat(setPassword(client, code).getStatus()).isEqualTo(410);
    }

    @Test
    void aNewCodeRevokesTheEarlierOneAndAnExpiredCodeSaysWhoSendsANewOne() throws Exception {
        UUID patron = patron();
        String first = tokens.issueCode(TokenPurpose.PATRON_CODE, patron);
        String second = tokens.issueCode(TokenPurpose.PATRON_CODE, patron);
        var client = client();
        assertThat(mvc.perform(post("/activate").with(csrf()).with(client).param("code", first))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Koodi on jo käytetty");

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        var expired = mvc.perform(post("/activate").with(csrf()).with(client).param("code", second))
                .andReturn()
                .getResponse();
        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.getContentAsString())
                .contains("Koodi on vanhentunut")
                .contains("Uuden koodin lähettää kirjastosi tai Celian asiakaspalvelu");
    }

    @Test
    void tenWrongCodesRefuseThatClientOnlyForFifteenMinutes() throws Exception {
        UUID patron = patron();
        String code = tokens.issueCode(TokenPurpose.PATRON_CODE, patron);
        var client = client();
        for (int i = 0; i < 10; i++) {
            var wrong = mvc.perform(post("/activate").with(csrf()).with(client).param("code", "AAAAA-AAAAA-AAAA" + i))
                    .andReturn()
                    .getResponse();
            assertThat(wrong.getStatus()).isEqualTo(422);
            assertThat(wrong.getContentAsString()).contains("Koodi ei ole oikein");
        }
        var refused = mvc.perform(post("/activate").with(csrf()).with(client).param("code", code))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString())
                .contains("liian monta väärää koodia")
                .doesNotContain("name=\"password\"");
        assertThat(setPassword(client, code).getStatus()).isEqualTo(429);

        // another client is not refused for what this one did
        assertThat(mvc.perform(post("/activate").with(csrf()).with(client()).param("code", code))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("name=\"password\"");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(mvc.perform(post("/activate").with(csrf()).with(client).param("code", code))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void pastAThousandFailuresAnHourTheAdministratorsAreAlertedButNobodyElseIsRefused() throws Exception {
        UUID patron = patron();
        String code = tokens.issueCode(TokenPurpose.PATRON_CODE, patron);
        try {
            jdbc.sql(
                            """
                    INSERT INTO activation_code_failure (client_address, failed_at)
                    SELECT '192.0.2.' || (g % 200), now() - interval '10 minutes' FROM generate_series(1, 1000) g""")
                    .update();
            jdbc.sql("DELETE FROM activation_code_alert").update();
            var attacker = client();
            assertThat(mvc.perform(post("/activate").with(csrf()).with(attacker).param("code", "CCCCC-CCCCC-CCCCC"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(422);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ACTIVATION_CODE_FLOOD'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            long started = System.nanoTime();
            var honest = mvc.perform(
                            post("/activate").with(csrf()).with(client()).param("code", code))
                    .andReturn()
                    .getResponse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
            assertThat(honest.getStatus()).isEqualTo(200);
            assertThat(honest.getContentAsString()).contains("name=\"password\"");
        } finally {
            jdbc.sql("DELETE FROM activation_code_failure").update();
        }
    }

    private MockHttpServletResponse setPassword(RequestPostProcessor client, String code) throws Exception {
        return mvc.perform(post("/activate/password")
                        .with(csrf())
                        .with(client)
                        .param("code", code)
                        .param("password", PASSWORD)
                        .param("confirmPassword", PASSWORD))
                .andReturn()
                .getResponse();
    }

    private UUID patron() {
        return data.patron(
                "Koodi Kokeilija",
                null,
                new PostalAddress("Kirjastokatu 2", "00100", "Helsinki"),
                TestData.unique("code") + "@example.fi",
                false);
    }

    /** A client of its own address, so that one test's wrong codes never count against another's. */
    private static RequestPostProcessor client() {
        var random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
