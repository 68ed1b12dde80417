package fi.celia.celianet.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Finds the forms a visitor can reach by following the links of the real pages. */
final class FormCrawler {

    private FormCrawler() {}

    /** Follows same-site links from the start pages and returns every form on the pages reached. */
    static List<FoundForm> crawl(MockMvc mvc, List<String> start, RequestPostProcessor visitor, int maxPages)
            throws Exception {
        ArrayDeque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        Map<String, Integer> shapes = new HashMap<>();
        List<FoundForm> forms = new ArrayList<>();
        int pages = 0;
        while (!queue.isEmpty() && pages < maxPages) {
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

    /**
     * A form on a page: where it goes, its fields with their current values, which of them are typed text, the page
     * it is on and the form element itself.
     */
    record FoundForm(
            String method,
            String action,
            MultiValueMap<String, String> values,
            Set<String> textFields,
            Set<String> textAreas,
            Map<String, List<String>> choiceFields,
            String page,
            Element element) {

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
            return new FoundForm(method, action, values, text, areas, choices, page, form);
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
