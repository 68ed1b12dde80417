package fi.celia.celianet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every visible text comes from the bundles, and every key is there in Finnish, Swedish and English. */
class MessageBundleTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    @Test
    void everyKeyIsPresentInEveryLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : basenames()) {
            Set<String> all = new TreeSet<>();
            List<Properties> bundles = new ArrayList<>();
            for (String language : LANGUAGES) {
                Properties properties = load(RESOURCES.resolve(basename + "_" + language + ".properties"));
                bundles.add(properties);
                all.addAll(properties.stringPropertyNames());
            }
            for (int i = 0; i < LANGUAGES.size(); i++) {
                for (String key : all) {
                    String value = bundles.get(i).getProperty(key);
                    if (value == null || value.isBlank()) {
                        problems.add(basename + "_" + LANGUAGES.get(i) + ": " + key);
                    }
                }
            }
        }
        assertThat(problems).as("keys missing or blank").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String basename : basenames()) {
            keys.addAll(load(RESOURCES.resolve(basename + "_fi.properties")).stringPropertyNames());
        }
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(template));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(RESOURCES.relativize(template) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys used in templates but absent from the bundles")
                .isEmpty();
    }

    /**
     * A Finnish or Swedish text identical to its English one is usually an untranslated text. The
     * exceptions: names (of the product, the service and the languages), texts that hold only placeholders
     * and punctuation, and Swedish words that are spelt as in English.
     */
    @Test
    void finnishAndSwedishTextsAreTranslated() throws IOException {
        Set<String> names = Set.of("Celianet", "Celia", "Suomi", "Svenska", "English");
        Set<String> sameInSwedish = Set.of("Organisation", "Status", "Format");
        List<String> untranslated = new ArrayList<>();
        for (String basename : basenames()) {
            Properties english = load(RESOURCES.resolve(basename + "_en.properties"));
            for (String language : List.of("fi", "sv")) {
                Properties translated = load(RESOURCES.resolve(basename + "_" + language + ".properties"));
                for (String key : translated.stringPropertyNames()) {
                    String text = translated.getProperty(key).strip();
                    String words = text.replaceAll("\\{[^}]*}", "")
                            .replaceAll("[^\\p{L}]+", " ")
                            .strip();
                    boolean allowed = words.isEmpty()
                            || names.contains(words)
                            || language.equals("sv") && sameInSwedish.contains(words);
                    if (!allowed && text.equals(english.getProperty(key, "").strip())) {
                        untranslated.add(basename + "_" + language + ": " + key + "=" + text);
                    }
                }
            }
        }
        assertThat(untranslated).as("texts left in English").isEmpty();
    }

    /**
     * The README's glossary names one word for each of the service's terms; these are the other words that
     * crept in before (a patron is "asiakas" and "kund", a maintenance window "huoltokatko" and
     * "serviceavbrott").
     */
    @Test
    void theBundlesUseTheGlossarysWords() throws IOException {
        Map<String, List<String>> otherWords = Map.of(
                "fi", List.of("lainaaja", "huoltotauko", "käyttökatko"),
                "sv", List.of("låntagare", "underhållsavbrott", "underhållsfönster"));
        List<String> found = new ArrayList<>();
        for (String basename : basenames()) {
            for (var language : otherWords.entrySet()) {
                Properties bundle = load(RESOURCES.resolve(basename + "_" + language.getKey() + ".properties"));
                for (String key : bundle.stringPropertyNames()) {
                    String text = bundle.getProperty(key).toLowerCase(Locale.ROOT);
                    language.getValue().stream()
                            .filter(text::contains)
                            .forEach(word ->
                                    found.add(basename + "_" + language.getKey() + ": " + key + " (" + word + ")"));
                }
            }
        }
        assertThat(found).as("words the glossary replaced").isEmpty();
    }

    /**
     * Text between tags, and the text-bearing attributes, must be replaced by th:text / th:attr from the
     * bundles; the literal fallback written in the template must never reach a page.
     */
    @Test
    void templatesHoldNoLiteralTextThatReachesThePage() throws IOException {
        Pattern textNode = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");
        Pattern openTag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)\\b([^>]*)>\\s*$");
        List<String> literal = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
                Matcher m = textNode.matcher(html);
                while (m.find()) {
                    String text = m.group(1).strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    String before = html.substring(0, m.start() + 1);
                    Matcher tag = openTag.matcher(before);
                    boolean replaced = tag.find()
                            && (tag.group(2).contains("th:text")
                                    || tag.group(2).contains("th:utext")
                                    || tag.group(2).contains("th:replace")
                                    || tag.group(2).contains("th:insert")
                                    || tag.group(2).contains("th:errors"));
                    if (!replaced) {
                        literal.add(RESOURCES.relativize(template) + ": \"" + text + "\"");
                    }
                }
            }
        }
        assertThat(literal).as("literal text in templates").isEmpty();
    }

    private static Set<String> basenames() throws IOException {
        Set<String> names = new TreeSet<>(List.of("messages"));
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("_fi.properties"))
                    .forEach(n -> names.add("i18n/" + n.substring(0, n.length() - "_fi.properties".length())));
        }
        return names;
    }

    private static Properties load(Path path) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(path)) {
            try (var reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
