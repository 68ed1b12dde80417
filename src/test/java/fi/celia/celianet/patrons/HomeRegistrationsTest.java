package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A registrar's home page lists the organisation's latest registrations, each with where its credentials stand in
 * the same words as the patron's own page, however the credentials went.
 */
class HomeRegistrationsTest extends IntegrationTest {

    @Test
    void eachLatestRegistrationShowsItsCredentialsAsItsPageDoes() throws Exception {
        var library = data.library(TestData.unique("Home Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        RequestPostProcessor session = signIn(registrar.getUsername(), TestData.PASSWORD);

        String email = TestData.unique("home") + "@example.fi";
        Map<String, String> byRoute = new LinkedHashMap<>();
        for (String route : List.of("EMAIL", "LETTER", "PHONE", "IN_PERSON")) {
            var fields = PatronFixtures.form(
                    UUID.randomUUID().toString(), PatronFixtures.newCode(), route.equals("EMAIL") ? email : "");
            fields.set("credentialsBy", route);
            // credentials handed over in person go to a patron who came in person
            fields.set("channel", route.equals("IN_PERSON") ? "IN_PERSON" : "PHONE");
            String location = mvc.perform(post("/patrons").with(session).params(fields))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(location).as(route).matches("/patrons/[0-9a-f-]{36}");
            byRoute.put(route, location);
        }
        await().atMost(mailWait()).until(() -> !TestMail.to(email).isEmpty());

        Map<String, String> onHome = new LinkedHashMap<>();
        for (Element row : Jsoup.parse(mvc.perform(get("/").with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .select("#latest-registrations tbody tr")) {
            onHome.put(
                    row.selectFirst("a").attr("href"),
                    row.selectFirst(".credentials-state").text());
        }
        assertThat(onHome).containsOnlyKeys(byRoute.values());
        for (var route : byRoute.entrySet()) {
            String onPage = Jsoup.parse(mvc.perform(get(route.getValue()).with(session))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .selectFirst("#credentials-status")
                    .text();
            assertThat(onHome.get(route.getValue()))
                    .as(route.getKey())
                    .isEqualTo(onPage)
                    .isNotBlank();
        }
        assertThat(onHome.get(byRoute.get("EMAIL"))).contains(email);
    }
}
