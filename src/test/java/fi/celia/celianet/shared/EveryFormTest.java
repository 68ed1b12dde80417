package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.patrons.PatronFixtures;
import fi.celia.celianet.shared.FormCrawler.FoundForm;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

/**
 * Every form and search that a staff member or a visitor can reach, found by following the links of the real
 * pages, is sent a NUL character in every text field, and separately a value that is none of the options in
 * every choice: each answers with a field error, never a server error.
 */
class EveryFormTest extends IntegrationTest {

    private static final String NUL = "a\u0000b";
    private static final String NO_SUCH_OPTION = "NO_SUCH_OPTION_9999999999999999999";
    private static final int MAX_PAGES = 160;
    private static final String CONTROL_CHARACTER_MESSAGE = "Poista kentästä näkymättömät ohjausmerkit";

    @Test
    void everyFormAnswersControlCharactersAndUnknownOptionsWithAFieldError() throws Exception {
        Organisation library = data.library(TestData.unique("Forms Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/patrons")
                .with(registrar)
                .params(PatronFixtures.form(
                        UUID.randomUUID().toString(),
                        PatronFixtures.newCode(),
                        TestData.unique("forms") + "@example.fi")));
        Map<String, RequestPostProcessor> visitors = new LinkedHashMap<>();
        visitors.put("anonymous", csrf());
        visitors.put("registrar", registrar);
        visitors.put("main user", signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD));
        visitors.put("administrator", signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD));

        List<String> failures = new ArrayList<>();
        Set<String> formsTried = new LinkedHashSet<>();
        for (var visitor : visitors.entrySet()) {
            List<String> start = visitor.getKey().equals("anonymous")
                    ? List.of("/login", "/join", "/join?type=LIBRARY", "/password/forgot")
                    : List.of("/");
            for (FoundForm form : crawl(start, visitor.getValue())) {
                if (!formsTried.add(visitor.getKey() + " " + form.method() + " " + form.action())) {
                    continue;
                }
                if (!form.textFields().isEmpty()) {
                    check(
                            form,
                            visitor.getValue(),
                            form.withText(NUL),
                            "NUL in " + form.textFields(),
                            failures,
                            visitor.getKey());
                }
                if (!form.textAreas().isEmpty()) {
                    // a text area keeps its lines: a newline is never taken for a control character
                    MockHttpServletResponse response =
                            send(form, visitor.getValue(), form.withTextAreas("first line\nsecond line"));
                    if (response.getContentAsString().contains(CONTROL_CHARACTER_MESSAGE)) {
                        failures.add(
                                visitor.getKey() + ": " + form.action() + " refused a newline in " + form.textAreas());
                    }
                }
                if (!form.choiceFields().isEmpty()) {
                    check(
                            form,
                            visitor.getValue(),
                            form.withChoices(NO_SUCH_OPTION),
                            "unknown option in " + form.choiceFields(),
                            failures,
                            visitor.getKey());
                }
            }
        }
        assertThat(formsTried).as("forms found").hasSizeGreaterThan(15);
        assertThat(failures).isEmpty();
    }

    private MockHttpServletResponse send(
            FoundForm form, RequestPostProcessor visitor, MultiValueMap<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = form.method().equals("get") ? get(form.action()) : post(form.action());
        return mvc.perform(request.with(visitor).params(params)).andReturn().getResponse();
    }

    private void check(
            FoundForm form,
            RequestPostProcessor visitor,
            MultiValueMap<String, String> params,
            String what,
            List<String> failures,
            String who)
            throws Exception {
        MockHttpServletResponse response = send(form, visitor, params);
        if (form.method().equals("post") && form.action().equals("/login")) {
            // Spring Security's form login binds no form object: a user name it cannot take (NUL in it) is a failed
            // sign-in like any other, answered with its redirect to the sign-in page's error, never a server error.
            if (response.getStatus() != 302 || !"/login?error".equals(response.getRedirectedUrl())) {
                failures.add(who + ": POST /login with " + what + " answered " + response.getStatus() + " "
                        + response.getRedirectedUrl() + " instead of the redirect to /login?error");
            }
            return;
        }
        String body = response.getContentAsString();
        boolean fieldError = body.contains("class=\"error-message\"") || body.contains("class=\"error-summary\"");
        if (response.getStatus() >= 500 || !fieldError) {
            failures.add(who + ": " + form.method().toUpperCase() + " " + form.action() + " with " + what + " answered "
                    + response.getStatus() + (fieldError ? "" : " without a field error"));
        }
    }

    private List<FoundForm> crawl(List<String> start, RequestPostProcessor visitor) throws Exception {
        return FormCrawler.crawl(mvc, start, visitor, MAX_PAGES);
    }
}
