package fi.celia.celianet.institutions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.support.TestData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Fills in the public application form like an applicant would. */
final class Applicants {

    private Applicants() {}

    /** A valid business ID no other test uses. */
    static String businessId() {
        while (true) {
            String digits = "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
            try {
                return BusinessId.withCheckDigit(digits);
            } catch (IllegalArgumentException remainderOne) {
                // try another
            }
        }
    }

    static String email(String prefix) {
        return TestData.unique(prefix).toLowerCase() + "@example.fi";
    }

    /** A complete library application with two registrars. */
    static Map<String, String> library(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("submissionToken", UUID.randomUUID().toString());
        fields.put("organisationName", name);
        fields.put("businessId", businessId());
        fields.put("organisationType", "LIBRARY");
        fields.put("contactName", "Kaisa Kontakti");
        fields.put("email", email("contact"));
        fields.put("phone", "+358 40 123 4567");
        fields.put("streetAddress", "Kirjastokatu 1");
        fields.put("postalCode", "00100");
        fields.put("city", "Helsinki");
        fields.put("message", "");
        fields.put("acceptTerms", "true");
        fields.put("registrars[0].name", "Maija Main");
        fields.put("registrars[0].email", email("maija"));
        fields.put("registrars[1].name", "Rauno Registrar");
        fields.put("registrars[1].email", email("rauno"));
        return fields;
    }

    /** A complete care home application: no registrars, since only libraries and schools name any. */
    static Map<String, String> careHome(String name) {
        Map<String, String> fields = library(name);
        fields.put("organisationType", "CARE_HOME");
        fields.keySet().removeIf(field -> field.startsWith("registrars"));
        return fields;
    }

    static MockHttpServletRequestBuilder post(Map<String, String> fields) {
        return post(fields, randomAddress());
    }

    static MockHttpServletRequestBuilder post(Map<String, String> fields, String clientAddress) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/join")
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(clientAddress);
                    return r;
                });
        fields.forEach(request::param);
        return request;
    }

    /** Submits and returns the tracking path, {@code /join/status/{token}}. */
    static String submit(MockMvc mvc, Map<String, String> fields) throws Exception {
        MvcResult result = mvc.perform(post(fields)).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (result.getResponse().getStatus() != 303 || location == null) {
            throw new AssertionError("Not accepted: " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        return location;
    }

    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
