package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

/** The search results say on every row where the patron's credentials stand, in the patron page's words. */
class PatronSearchCredentialsTest extends IntegrationTest {

    private static final String PASSWORD = "kuusi kirjaa hyllyssä";

    @Test
    void everyRowShowsTheCredentialsStateThePatronPageShows() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String family = "Tunnus" + Long.toString(System.nanoTime(), 36);

        String sentEmail = TestData.unique("sent") + "@example.fi";
        UUID sent = register(session, family, "Sähkö", sentEmail);

        var letterFields = fields(family, "Kirje", "");
        letterFields.set("credentialsBy", "LETTER");
        UUID letter = register(session, letterFields);

        var phoneFields = fields(family, "Puhelin", "");
        phoneFields.set("credentialsBy", "PHONE");
        UUID phone = register(session, phoneFields);
        assertThat(mvc.perform(post("/patrons/" + phone + "/phone-code").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        String activatedEmail = TestData.unique("activated") + "@example.fi";
        UUID activated = register(session, family, "Salasana", activatedEmail);
        String link = TestMail.linkPath(await().atMost(mailWait())
                .until(() -> TestMail.to(activatedEmail), l -> !l.isEmpty())
                .get(0));
        assertThat(mvc.perform(post(link)
                                .with(csrf())
                                .param("password", PASSWORD)
                                .param("confirmPassword", PASSWORD))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);

        // the e-mail is sent by the outbox in its own time: the row says so once it has been
        Map<UUID, String> rows = await().atMost(mailWait())
                .until(() -> states(session, family), r -> r.get(sent).startsWith("Tunnussähköposti lähetetty"));

        assertThat(rows).containsOnlyKeys(sent, letter, phone, activated);
        assertThat(rows.get(sent)).startsWith("Tunnussähköposti lähetetty").endsWith(sentEmail + ".");
        assertThat(rows.get(letter)).isEqualTo("Kirje odottaa tulostusta.");
        assertThat(rows.get(phone)).startsWith("Koodi annettu puhelimessa");
        assertThat(rows.get(activated)).startsWith("Asiakas on asettanut salasanan");
        for (UUID id : List.of(sent, letter, phone, activated)) {
            assertThat(rows.get(id)).as("the patron page's words").isEqualTo(patronPageState(session, id));
        }
    }

    @Test
    void aPhonePatronWithNoCodeGivenYetReadsSoAndTheColumnHasAHeader() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        String family = "Jono" + Long.toString(System.nanoTime(), 36);
        var phoneFields = fields(family, "Odottaa", "");
        phoneFields.set("credentialsBy", "PHONE");
        UUID waiting = register(session, phoneFields);

        assertThat(states(session, family))
                .containsExactly(Map.entry(waiting, "Koodia ei ole vielä luettu asiakkaalle puhelimessa."));
        assertThat(patronPageState(session, waiting)).isEqualTo("Koodia ei ole vielä luettu asiakkaalle puhelimessa.");
        var headers = Jsoup.parse(search(session, family)).select("#results table thead th");
        assertThat(headers).allMatch(th -> th.attr("scope").equals("col"));
        assertThat(headers.eachText()).contains("Tunnukset");
    }

    /** The credentials column of each row, by the patron the row links to. */
    private Map<UUID, String> states(RequestPostProcessor session, String q) throws Exception {
        Map<UUID, String> states = new HashMap<>();
        for (Element row : Jsoup.parse(search(session, q)).select("#results tbody tr")) {
            String href = row.selectFirst("a[href^=/patrons/]").attr("href");
            states.put(
                    UUID.fromString(href.substring("/patrons/".length(), href.indexOf('?'))),
                    row.selectFirst("td.credentials").text());
        }
        return states;
    }

    private String patronPageState(RequestPostProcessor session, UUID id) throws Exception {
        return Jsoup.parse(mvc.perform(get("/patrons/" + id).with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .getElementById("credentials-status")
                .text();
    }

    private String search(RequestPostProcessor session, String q) throws Exception {
        return PatronFixtures.search(mvc, session, q, null);
    }

    private static MultiValueMap<String, String> fields(String family, String first, String email) {
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), PatronFixtures.newCode(), email);
        fields.set("firstName", first);
        fields.set("lastName", family);
        fields.set("confirmSoftDuplicate", "true");
        return fields;
    }

    private UUID register(RequestPostProcessor session, String family, String first, String email) throws Exception {
        return register(session, fields(family, first, email));
    }

    private UUID register(RequestPostProcessor session, MultiValueMap<String, String> fields) throws Exception {
        var saved = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        return UUID.fromString(saved.getRedirectedUrl().substring("/patrons/".length()));
    }
}
