package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.patrons.PatronFixtures;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
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
                if (!formsTried.add(visitor.getKey() + " " + form.method + " " + form.action)) {
                    continue;
                }
                if (!form.textFields.isEmpty()) {
                    check(
                            form,
                            visitor.getValue(),
                            form.withText(NUL),
                            "NUL in " + form.textFields,
                            failures,
                            visitor.getKey());
                }
                if (!form.textAreas.isEmpty()) {
                    // a text area keeps its lines: a newline is never taken for a control character
                    MockHttpServletResponse response =
                            send(form, visitor.getValue(), form.withTextAreas("first line\nsecond line"));
                    if (response.getContentAsString().contains(CONTROL_CHARACTER_MESSAGE)) {
                        failures.add(visitor.getKey() + ": " + form.action + " refused a newline in " + form.textAreas);
                    }
                }
                if (!form.choiceFields.isEmpty()) {
                    check(
                            form,
                            visitor.getValue(),
                            form.withChoices(NO_SUCH_OPTION),
                            "unknown option in " + form.choiceFields,
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
        MockHttpServletRequestBuilder request = form.method.equals("get") ? get(form.action) : post(form.action);
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
        if (form.method.equals("post") && form.action.equals("/login")) {
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
            failures.add(who + ": " + form.method.toUpperCase() + " " + form.action + " with " + what + " answered "
                    + response.getStatus() + (fieldError ? "" : " without a field error"));
        }
    }

    /** Follows same-site links from the start pages and returns every form on the pages reached. */
    private List<FoundForm> crawl(List<String> start, RequestPostProcessor visitor) throws Exception {
        ArrayDeque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        Map<String, Integer> shapes = new HashMap<>();
        List<FoundForm> forms = new ArrayList<>();
        int pages = 0;
        while (!queue.isEmpty() && pages < MAX_PAGES) {
            String path = queue.poll();
            MockHttpServletResponse response =
                    mvc.perform(get(path).with(visitor)).andReturn().getResponse();
            String type = response.getContentType();
            if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            pages++;
            Document page = Jsoup.parse(response.getContentAsString(), "http://localhost" + path);
            for (Element form : page.select("form")) {
                FoundForm found = FoundForm.of(form, path);
                if (found != null) {
                    forms.add(found);
                }
            }
            for (Element link : page.select("a[href]")) {
                String href = link.attr("href");
                if (!href.startsWith("/") || href.startsWith("//")) {
                    continue;
                }
                String target = href.replaceAll("#.*$", "");
                if (target.contains("lang=")
                        || target.startsWith("/logout")
                        || target.startsWith("/webjars")
                        || target.startsWith("/css")
                        || target.startsWith("/js")
                        || target.startsWith("/fonts")
                        || target.startsWith("/actuator")
                        || target.isEmpty()) {
                    continue;
                }
                String shape = target.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                        .replaceAll("\\d+", "{n}")
                        .replaceAll("\\?.*$", "?");
                if (seen.add(target) && shapes.merge(shape, 1, Integer::sum) <= 2) {
                    queue.add(target);
                }
            }
        }
        return forms;
    }

    /** A form on a page: where it goes, its fields with their current values, which of them are typed text. */
    record FoundForm(
            String method,
            String action,
            MultiValueMap<String, String> values,
            Set<String> textFields,
            Set<String> textAreas,
            Map<String, List<String>> choiceFields) {

        static FoundForm of(Element form, String page) {
            String method =
                    form.attr("method").isBlank() ? "get" : form.attr("method").toLowerCase();
            String action = form.attr("action").isBlank() ? page : form.attr("action");
            if (action.startsWith("/logout") || action.contains("lang=") || !action.startsWith("/")) {
                return null;
            }
            MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
            Set<String> text = new LinkedHashSet<>();
            Set<String> areas = new LinkedHashSet<>();
            Map<String, List<String>> choices = new LinkedHashMap<>();
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                String name = input.attr("name");
                if (name.equals("_csrf") || name.equals("lang")) {
                    continue;
                }
                String type =
                        input.tagName().equals("input") ? input.attr("type").toLowerCase() : input.tagName();
                switch (type) {
                    case "hidden", "submit", "button", "file" -> {
                        if (type.equals("hidden")) {
                            values.add(name, input.val());
                        }
                    }
                    case "checkbox", "radio" -> {
                        choices.computeIfAbsent(name, n -> new ArrayList<>()).add(input.val());
                        if (input.hasAttr("checked")) {
                            values.add(name, input.val());
                        }
                    }
                    case "select" -> {
                        Element selected = input.selectFirst("option[selected]");
                        Element first = input.selectFirst("option");
                        values.add(name, selected != null ? selected.val() : first == null ? "" : first.val());
                        choices.computeIfAbsent(name, n -> new ArrayList<>());
                    }
                    case "password" -> values.add(name, input.val());
                    default -> {
                        values.add(name, input.tagName().equals("textarea") ? input.text() : input.val());
                        text.add(name);
                        if (input.tagName().equals("textarea")) {
                            areas.add(name);
                        }
                    }
                }
            }
            return new FoundForm(method, action, values, text, areas, choices);
        }

        MultiValueMap<String, String> withText(String value) {
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>(values);
            textFields.forEach(name -> params.put(name, List.of(value)));
            return params;
        }

        MultiValueMap<String, String> withTextAreas(String value) {
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>(values);
            textAreas.forEach(name -> params.put(name, List.of(value)));
            return params;
        }

        MultiValueMap<String, String> withChoices(String value) {
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>(values);
            choiceFields.keySet().forEach(name -> params.put(name, List.of(value)));
            return params;
        }
    }
}
