package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Registration form data for tests: a fresh valid identity code every time, and every required field. */
public final class PatronFixtures {

    private PatronFixtures() {}

    /** A valid identity code of an adult, random enough never to meet another test's code. */
    public static String newCode() {
        var random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 70));
        char sign = birth.getYear() >= 2000 ? "ABCDEF".charAt(random.nextInt(6)) : "-YXWVU".charAt(random.nextInt(6));
        return PersonalIdentityCode.of(birth, sign, 2 + random.nextInt(898));
    }

    public static MultiValueMap<String, String> form(String token, String code, String email) {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("submissionToken", token);
        fields.add("hetu", code);
        fields.add("firstName", "Aino");
        fields.add(
                "lastName",
                "Testinen-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        fields.add("email", email);
        fields.add("phone", "+358 40 123 4567");
        fields.add("streetAddress", "Kirjastokatu 2 A 5");
        fields.add("postalCode", "00100");
        fields.add("city", "Helsinki");
        fields.add("language", "fi");
        fields.add("channel", "PHONE");
        fields.add("eligibility", "VISUAL");
        fields.add("consent", "true");
        fields.add("services", "ONLINE");
        fields.add("services", "CD_CLUBS");
        fields.add("credentialsTo", "PATRON");
        return fields;
    }

    /**
     * Searches as the search page does: the POST answers 303 See Other to the kept results' page, whose address is
     * returned.
     */
    public static String searchLocation(MockMvc mvc, RequestPostProcessor session, String q, UUID organisationId)
            throws Exception {
        var request = post("/patrons/search").with(session).param("q", q);
        if (organisationId != null) {
            request.param("organisationId", organisationId.toString());
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(303);
        assertThat(response.getRedirectedUrl()).matches("/patrons/search/[0-9a-f-]{36}");
        return response.getRedirectedUrl();
    }

    /** Searches as the search page does and returns the results page the browser is sent to. */
    public static String search(MockMvc mvc, RequestPostProcessor session, String q, UUID organisationId)
            throws Exception {
        var page = mvc.perform(
                        get(searchLocation(mvc, session, q, organisationId)).with(session))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString();
    }
}
