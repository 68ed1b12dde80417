package fi.celia.celianet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.institutions.InstitutionApplications;
import fi.celia.celianet.institutions.NewApplication;
import fi.celia.celianet.patrons.PatronFixtures;
import fi.celia.celianet.shared.FormCrawler.FoundForm;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every form a staff member or a visitor can reach is sent as a person would send it untouched: text fields empty,
 * no box ticked, each select on its empty choice, a radio button only where the form had one chosen. Every field that
 * comes back with an error is marked required (aria-required on the control, or the mark in its group's legend), and
 * every field marked required that could be left empty comes back with an error: the marks are exactly the fields
 * the server refuses empty. A form with marks explains them at its top. A field required in some cases only has a
 * hint instead (CONDITIONAL). A search box (role search) is left out: its one field is what it searches for.
 */
class RequiredFieldsTest extends IntegrationTest {

    private static final int MAX_PAGES = 160;

    /**
     * Fields the server requires in some cases only, which a form sent untouched meets: each has a hint that says
     * when it is needed, and no mark.
     */
    private static final Set<String> CONDITIONAL = Set.of(
            // a registrar or main user (the role the form starts with) needs an organisation; staff do not
            "/admin/staff#organisationId");

    /**
     * Marked fields that the type chosen on the page requires: the form sent untouched leaves the type empty too,
     * and then the server cannot ask for them (a library's or a school's first registrar).
     */
    private static final Set<String> REQUIRED_BY_THE_CHOSEN_TYPE =
            Set.of("/join#registrars[0].name", "/join#registrars[0].email");

    @Autowired
    InstitutionApplications applications;

    @Test
    void everyFieldTheServerRefusesEmptyIsMarkedRequiredAndNoOther() throws Exception {
        Organisation library = data.library(TestData.unique("Required Library"));
        var registrar = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        mvc.perform(post("/patrons")
                .with(registrar)
                .params(PatronFixtures.form(
                        UUID.randomUUID().toString(),
                        PatronFixtures.newCode(),
                        TestData.unique("required") + "@example.fi")));
        applications.submit(new NewApplication(
                UUID.randomUUID().toString(),
                TestData.unique("Required School"),
                OrganisationType.OTHER,
                null,
                "Yhdistys, jolla ei ole omaa Y-tunnusta",
                "Kaisa Kontakti",
                TestData.unique("kontakti").toLowerCase() + "@example.fi",
                "040 123 4567",
                new PostalAddress("Koulukatu 1", "00100", "Helsinki"),
                null,
                "fi",
                null,
                List.of()));
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        String club = mvc.perform(post("/bookclubs")
                        .with(admin)
                        .param("nameFi", TestData.unique("Pakollisten kerho"))
                        .param("format", "CD")
                        .param("leadTimeDays", "35")
                        .param("booksPerShipment", "1"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(club).as("the new club").matches("/bookclubs/[0-9a-f-]{36}");
        mvc.perform(post(club + "/calendar")
                .with(admin)
                .param("firstDelivery", LocalDate.now(clock).plusMonths(3).toString())
                .param("months", "3")
                .param("leadTimeDays", "35"));

        Map<String, RequestPostProcessor> visitors = new LinkedHashMap<>();
        visitors.put("anonymous", csrf());
        visitors.put("registrar", registrar);
        visitors.put("main user", signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD));
        visitors.put("administrator", admin);

        List<String> failures = new ArrayList<>();
        Set<String> formsChecked = new LinkedHashSet<>();
        for (var visitor : visitors.entrySet()) {
            List<String> start = visitor.getKey().equals("anonymous")
                    ? List.of(
                            "/login",
                            "/join",
                            "/join?type=LIBRARY",
                            "/join?type=CARE_HOME",
                            "/password/forgot",
                            "/activate")
                    : visitor.getKey().equals("administrator") ? List.of("/", "/notices/manage/new") : List.of("/");
            for (FoundForm form : FormCrawler.crawl(mvc, start, visitor.getValue(), MAX_PAGES)) {
                if (!form.method().equals("post")
                        || form.action().equals("/login")
                        || form.element().attr("role").equals("search")
                        || !hasFieldsToFill(form.element())
                        || !formsChecked.add(visitor.getKey() + "|" + shape(form.action()))) {
                    continue;
                }
                String who = visitor.getKey() + ": " + form.action() + " (on " + form.page() + ")";
                checkMarksAreExplained(form.element(), who, failures);
                Untouched untouched = Untouched.of(form.element());
                MockHttpServletResponse response = mvc.perform(
                                post(form.action()).with(visitor.getValue()).params(untouched.params()))
                        .andReturn()
                        .getResponse();
                checkAnswer(response, form.action(), untouched, who, failures);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(formsChecked.stream().map(f -> f.substring(f.indexOf('|') + 1)))
                .as("forms sent untouched")
                .contains(
                        "/join",
                        "/password/forgot",
                        "/activate",
                        "/patrons",
                        "/patrons/{id}",
                        "/admin/organisations",
                        "/admin/organisations/{id}",
                        "/admin/staff",
                        "/admin/staff/{id}",
                        "/admin/maintenance",
                        "/notices/manage",
                        "/bookclubs",
                        "/bookclubs/{id}/calendar",
                        "/bookclubs/{id}/shipments/{id}",
                        "/institutions/applications/{id}/request-info",
                        "/institutions/applications/{id}/reject");
    }

    @Test
    void theSetPasswordPageMarksBothFieldsAndRefusesEachEmpty() throws Exception {
        // the invitation the new account is sent: a token issued here would be revoked when that mail goes out
        var account = data.account(Role.REGISTRAR, data.library(TestData.unique("Password Library")));
        var mail = await().atMost(mailWait())
                .until(() -> TestMail.to(account.getEmail()), list -> !list.isEmpty())
                .get(0);
        String link = TestMail.linkPath(mail);
        MockHttpServletResponse page = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        Element form = Jsoup.parse(page.getContentAsString()).selectFirst("main form[method=post]");
        assertThat(form).isNotNull();
        List<String> failures = new ArrayList<>();
        checkMarksAreExplained(form, "set password", failures);
        Untouched untouched = Untouched.of(form);
        assertThat(untouched.mayBeEmpty())
                .as("fields marked required")
                .containsEntry("password", true)
                .containsEntry("confirmPassword", true);
        String action = form.attr("action").isBlank() ? link : form.attr("action");

        // Nothing typed: the password is refused, and the confirmation has nothing to confirm yet.
        Document empty = Jsoup.parse(
                mvc.perform(post(action).with(csrf()).cookie(page.getCookies()).params(untouched.params()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(empty.getElementById("password-error")).isNotNull();
        empty.select("form .error-message[id$=-error]").forEach(error -> {
            String id = error.id().replace("-error", "");
            if (!marked(empty.getElementById(id))) {
                failures.add("set password: #" + id + " is refused empty but not marked required");
            }
        });

        // A password without its confirmation: the confirmation is refused.
        var withPassword = new LinkedMultiValueMap<>(untouched.params());
        withPassword.put("password", List.of("kuusi kirjaa hyllyssä"));
        Document unconfirmed = Jsoup.parse(
                mvc.perform(post(action).with(csrf()).cookie(page.getCookies()).params(withPassword))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(unconfirmed.getElementById("confirmPassword-error")).isNotNull();
        assertThat(failures).isEmpty();
    }

    /** The answer to a form sent untouched: the fields in error are those marked required that could be empty. */
    private static void checkAnswer(
            MockHttpServletResponse response, String action, Untouched untouched, String who, List<String> failures)
            throws Exception {
        String type = response.getContentType();
        if (response.getStatus() >= 500) {
            failures.add(who + " answered " + response.getStatus());
            return;
        }
        Document page = type != null && type.startsWith("text/html")
                ? Jsoup.parse(response.getContentAsString())
                : Jsoup.parse("");
        Element form = page.select("form[method=post]").stream()
                .filter(f -> f.selectFirst(".error-message") != null)
                .findFirst()
                .orElse(null);
        Set<String> inError = new LinkedHashSet<>();
        if (form != null) {
            for (Element error : form.select(".error-message[id$=-error]")) {
                String id = error.id().substring(0, error.id().length() - "-error".length());
                inError.add(id);
                Element field = page.getElementById(id);
                if (CONDITIONAL.contains(shape(action) + "#" + id)) {
                    if (marked(field) || page.getElementById(id + "-hint") == null) {
                        failures.add(who + ": #" + id + " is required only in some cases: a hint, not a mark");
                    }
                } else if (!marked(field)) {
                    failures.add(who + ": #" + id + " is refused empty but not marked required");
                }
            }
        }
        for (var field : untouched.mayBeEmpty().entrySet()) {
            if (field.getValue()
                    && !inError.contains(untouched.ids().get(field.getKey()))
                    && !REQUIRED_BY_THE_CHOSEN_TYPE.contains(shape(action) + "#" + field.getKey())) {
                failures.add(who + ": " + field.getKey() + " is marked required but was taken empty (answer "
                        + response.getStatus() + ")");
            }
        }
    }

    /** Marked: the control says aria-required, or it is one of a group whose legend carries the mark. */
    private static boolean marked(Element field) {
        if (field == null) {
            return false;
        }
        if ("true".equals(field.attr("aria-required"))) {
            return true;
        }
        Element group = field.closest("fieldset");
        return (field.attr("type").equals("radio") || field.attr("type").equals("checkbox"))
                && group != null
                && group.selectFirst("> legend .required") != null
                && group.selectFirst("> legend .visually-hidden") != null;
    }

    private static void checkMarksAreExplained(Element form, String who, List<String> failures) {
        boolean marks = form.selectFirst(".required") != null;
        boolean note = form.selectFirst(".required-note") != null;
        if (marks != note) {
            failures.add(
                    who + (marks ? ": marks without the line that explains them" : ": explains marks it has none of"));
        }
        for (Element mark : form.select(".required")) {
            if (!"true".equals(mark.attr("aria-hidden"))) {
                failures.add(who + ": a mark that a screen reader reads as a star");
            }
        }
    }

    private static boolean hasFieldsToFill(Element form) {
        return form.selectFirst(
                        "input[name]:not([type=hidden]):not([type=submit]):not([type=button]), textarea[name], select[name]")
                != null;
    }

    private static String shape(String action) {
        return action.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("\\?.*$", "");
    }

    /**
     * A form as sent when nothing is filled in.
     *
     * @param mayBeEmpty each field that such a sending leaves empty, by name, with whether it is marked required
     * @param ids        the id each such field (or its group) has on the page
     */
    record Untouched(MultiValueMap<String, String> params, Map<String, Boolean> mayBeEmpty, Map<String, String> ids) {

        static Untouched of(Element form) {
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
            Map<String, Boolean> empty = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            Set<String> chosenRadios = new LinkedHashSet<>();
            for (Element radio : form.select("input[type=radio][checked]")) {
                chosenRadios.add(radio.attr("name"));
            }
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                String name = input.attr("name");
                String type =
                        input.tagName().equals("input") ? input.attr("type").toLowerCase() : input.tagName();
                switch (type) {
                    case "hidden" -> params.add(name, input.val());
                    case "submit", "button", "file" -> {}
                    case "radio" -> {
                        if (input.hasAttr("checked")) {
                            params.add(name, input.val());
                        } else if (!chosenRadios.contains(name)) {
                            leftEmpty(input, name, empty, ids);
                        }
                    }
                    case "checkbox" -> leftEmpty(input, name, empty, ids);
                    case "select" -> {
                        if (input.select("option").stream()
                                .anyMatch(o ->
                                        o.hasAttr("value") && o.attr("value").isEmpty())) {
                            params.add(name, "");
                            leftEmpty(input, name, empty, ids);
                        } else {
                            Element chosen = input.selectFirst("option[selected]");
                            Element first = input.selectFirst("option");
                            params.add(name, chosen != null ? chosen.val() : first == null ? "" : first.val());
                        }
                    }
                    default -> {
                        params.add(name, "");
                        leftEmpty(input, name, empty, ids);
                    }
                }
            }
            return new Untouched(params, empty, ids);
        }

        private static void leftEmpty(Element input, String name, Map<String, Boolean> empty, Map<String, String> ids) {
            if (ids.containsKey(name)) {
                return; // a group: its first input stands for it
            }
            ids.put(name, input.id());
            empty.put(name, marked(input));
        }
    }
}
