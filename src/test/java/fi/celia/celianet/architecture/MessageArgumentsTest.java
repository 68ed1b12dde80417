package fi.celia.celianet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * No message shows an unfilled placeholder ("{0}") or an argument it was never meant to get (a field name where a
 * number belongs), in any language:
 * <ul>
 * <li>a Bean Validation message ({@code message = "{key}"} on a constraint) is resolved by Spring with the field
 * name and the annotation's attributes as its arguments, so its text must hold no {@code {0}}-style index;</li>
 * <li>every message renders with MessageFormat and as many sample arguments as it has places, leaving no brace;</li>
 * <li>every template and every Java call site that names a message passes at least as many arguments as the
 * message has places.</li>
 * </ul>
 */
class MessageArgumentsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");
    private static final Pattern BRACED = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern INDEX = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");
    private static final Pattern MAIL_PLACEHOLDER = Pattern.compile("\\$\\{[a-zA-Z]+}");
    private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");

    /** Bean Validation messages: where a constraint uses them, and the text each language gives. */
    @Test
    void constraintMessagesHoldNoIndexedPlaceholders() throws Exception {
        Map<String, Properties> bundles = bundles();
        List<String> problems = new ArrayList<>();
        List<ConstraintUse> uses = constraintUses();
        assertThat(uses)
                .as("constraints with a message key found on the form classes")
                .hasSizeGreaterThan(30);
        for (ConstraintUse use : uses) {
            for (String language : LANGUAGES) {
                String text = bundles.get(language).getProperty(use.key);
                if (text == null) {
                    problems.add(use + " [" + language + "]: no such message");
                    continue;
                }
                Matcher braced = BRACED.matcher(text);
                while (braced.find()) {
                    String name = braced.group(1).strip();
                    if (!use.attributes.containsKey(name)) {
                        problems.add(
                                use + " [" + language + "]: \"" + text + "\" shows as \"" + asSpringShows(use, text)
                                        + "\": {" + name + "} is not an attribute of the constraint");
                    }
                }
            }
        }
        assertThat(problems)
                .as("Bean Validation messages with placeholders that Spring fills with something else")
                .isEmpty();
    }

    /** Every message, rendered as its users render it, with sample arguments: no brace is left over. */
    @Test
    void everyMessageRendersWithoutALeftoverPlaceholder() throws Exception {
        Set<String> constraintKeys = new TreeSet<>();
        Map<String, Set<String>> constraintAttributes = new TreeMap<>();
        for (ConstraintUse use : constraintUses()) {
            constraintKeys.add(use.key);
            constraintAttributes.computeIfAbsent(use.key, k -> new TreeSet<>()).addAll(use.attributes.keySet());
        }
        List<String> problems = new ArrayList<>();
        for (var bundle : bundles().entrySet()) {
            Locale locale = Locale.forLanguageTag(bundle.getKey());
            for (String key : new TreeSet<>(bundle.getValue().stringPropertyNames())) {
                String text = bundle.getValue().getProperty(key);
                String where = key + " [" + bundle.getKey() + "]";
                if (text.contains("${")) {
                    // A mail template: notifications.Mailbox fills ${name} and never runs MessageFormat over it.
                    String rendered = MAIL_PLACEHOLDER.matcher(text).replaceAll("x");
                    if (rendered.contains("{") || rendered.contains("}")) {
                        problems.add(where + ": a brace is left after the mail placeholders: " + text);
                    }
                    continue;
                }
                int places = places(text);
                if (places == 0) {
                    Matcher braced = BRACED.matcher(text);
                    while (braced.find()) {
                        if (!constraintAttributes
                                .getOrDefault(key, Set.of())
                                .contains(braced.group(1).strip())) {
                            problems.add(where + ": {" + braced.group(1) + "} is never filled: " + text);
                        }
                    }
                    continue;
                }
                if (constraintKeys.contains(key)) {
                    continue; // reported by constraintMessagesHoldNoIndexedPlaceholders
                }
                if (text.replace("''", "").contains("'")) {
                    problems.add(where + ": a single apostrophe, which MessageFormat swallows (write ''): " + text);
                }
                try {
                    MessageFormat format = new MessageFormat(text, locale);
                    String rendered = format.format(sampleArguments(format, places));
                    if (rendered.contains("{") || rendered.contains("}")) {
                        problems.add(where + ": renders as \"" + rendered + "\"");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": cannot be rendered (" + e.getMessage() + "): " + text);
                }
            }
        }
        assertThat(problems).as("messages that would show a placeholder").isEmpty();
    }

    /** {@code #{key}} and {@code #{key(a, b)}} in the templates: as many arguments as the message has places. */
    @Test
    void templatesPassEveryArgumentTheirMessagesUse() throws IOException {
        Map<String, Properties> bundles = bundles();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates
                    .filter(p -> p.toString().endsWith(".html"))
                    .sorted()
                    .toList()) {
                String html = Files.readString(template);
                for (MessageCall call : templateCalls(html)) {
                    for (String key : call.keys(bundles.get("fi").stringPropertyNames())) {
                        checked++;
                        check(
                                bundles,
                                key,
                                call.arguments,
                                RESOURCES.relativize(template).toString(),
                                problems);
                    }
                }
            }
        }
        assertThat(checked).as("message uses found in the templates").isGreaterThan(300);
        assertThat(problems)
                .as("templates passing fewer arguments than their messages use")
                .isEmpty();
    }

    /**
     * Keys named in the Java code: flash messages, field and form errors, refusals and problems, and
     * {@code getMessage} with literal arguments, each with the arguments the call passes.
     */
    @Test
    void javaCallSitesPassEveryArgumentTheirMessagesUse() throws IOException {
        Map<String, Properties> bundles = bundles();
        Set<String> keys = bundles.get("fi").stringPropertyNames();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String code = Files.readString(source);
                for (JavaCall call : JavaCall.find(code)) {
                    for (String key : literals(call.keyArgument())) {
                        if (!keys.contains(key) || call.arguments() < 0) {
                            continue;
                        }
                        checked++;
                        check(bundles, key, call.arguments(), SOURCES.relativize(source) + " " + call.name(), problems);
                    }
                }
            }
        }
        assertThat(checked).as("message keys found at Java call sites").isGreaterThan(50);
        assertThat(problems)
                .as("call sites passing fewer arguments than their messages use")
                .isEmpty();
    }

    private static void check(
            Map<String, Properties> bundles, String key, int arguments, String where, List<String> problems) {
        for (String language : LANGUAGES) {
            String text = bundles.get(language).getProperty(key);
            if (text == null || text.contains("${")) {
                continue;
            }
            int places = places(text);
            if (places > arguments) {
                problems.add(where + ": " + key + " [" + language + "] uses " + places + " argument(s), given "
                        + arguments + ": " + text);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Bean Validation

    /** One constraint annotation whose message names a key of the bundles. */
    record ConstraintUse(String element, String constraint, String key, Map<String, Object> attributes) {
        @Override
        public String toString() {
            return element + " @" + constraint + " {" + key + "}";
        }
    }

    /** What Spring shows: the message formatted with the field name and the constraint's attributes in name order. */
    private static String asSpringShows(ConstraintUse use, String text) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(use.element.substring(use.element.lastIndexOf('.') + 1));
        new TreeMap<>(use.attributes).values().forEach(arguments::add);
        try {
            return new MessageFormat(text).format(arguments.toArray());
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static List<ConstraintUse> constraintUses() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<ConstraintUse> uses = new ArrayList<>();
        ClassLoader loader = MessageArgumentsTest.class.getClassLoader();
        for (BeanDefinition definition : scanner.findCandidateComponents("fi.celia.celianet")) {
            Class<?> type;
            try {
                type = Class.forName(definition.getBeanClassName(), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (type.getProtectionDomain().getCodeSource() != null
                    && type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toString()
                            .contains("test-classes")) {
                continue;
            }
            Map<String, AnnotatedElement> elements = new LinkedHashMap<>();
            try {
                elements.put(type.getName(), type);
                for (Field field : type.getDeclaredFields()) {
                    elements.put(type.getName() + "." + field.getName(), field);
                    addTypeUses(elements, type.getName() + "." + field.getName(), field.getAnnotatedType());
                }
                List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
                executables.addAll(List.of(type.getDeclaredConstructors()));
                for (Executable executable : executables) {
                    String name = type.getName() + "."
                            + (executable instanceof Method ? ((Member) executable).getName() : "<init>");
                    elements.put(name + "()", executable);
                    for (Parameter parameter : executable.getParameters()) {
                        elements.put(name + "(" + parameter.getName() + ")", parameter);
                    }
                }
            } catch (LinkageError e) {
                continue;
            }
            for (var element : elements.entrySet()) {
                for (Annotation annotation : element.getValue().getDeclaredAnnotations()) {
                    for (Annotation constraint : constraints(annotation)) {
                        uses.addAll(uses(element.getKey(), constraint));
                    }
                }
            }
        }
        return uses;
    }

    private static void addTypeUses(Map<String, AnnotatedElement> elements, String name, AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                elements.put(name + "<" + i + ">", arguments[i]);
                addTypeUses(elements, name + "<" + i + ">", arguments[i]);
            }
        }
    }

    /** The annotation itself when it is a constraint, or the constraints a repeatable container holds. */
    private static List<Annotation> constraints(Annotation annotation) {
        if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
            return List.of(annotation);
        }
        try {
            Method value = annotation.annotationType().getMethod("value");
            if (value.getReturnType().isArray()
                    && value.getReturnType().getComponentType().isAnnotation()) {
                List<Annotation> held = new ArrayList<>();
                for (Annotation inner : (Annotation[]) value.invoke(annotation)) {
                    held.addAll(constraints(inner));
                }
                return held;
            }
        } catch (ReflectiveOperationException e) {
            // not a container
        }
        return List.of();
    }

    private static List<ConstraintUse> uses(String element, Annotation constraint) {
        Map<String, Object> attributes = new TreeMap<>();
        String message = null;
        for (Method attribute : constraint.annotationType().getDeclaredMethods()) {
            if (attribute.getParameterCount() != 0) {
                continue;
            }
            try {
                Object value = attribute.invoke(constraint);
                if (attribute.getName().equals("message")) {
                    message = (String) value;
                } else if (!NOT_ARGUMENTS.contains(attribute.getName())) {
                    attributes.put(attribute.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        List<ConstraintUse> uses = new ArrayList<>();
        if (message == null) {
            return uses;
        }
        Matcher braced = BRACED.matcher(message);
        while (braced.find()) {
            String key = braced.group(1).strip();
            if (key.startsWith("jakarta.validation.")
                    || key.startsWith("org.hibernate.")
                    || attributes.containsKey(key)) {
                continue; // the validator's own messages and the constraint's attributes
            }
            uses.add(new ConstraintUse(element, constraint.annotationType().getSimpleName(), key, attributes));
        }
        return uses;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Templates

    /** A message named in a template: a literal key, or a literal prefix (and suffix) around an enum's name. */
    record MessageCall(String key, String prefix, String suffix, int arguments) {

        Set<String> keys(Set<String> all) {
            if (key != null) {
                return all.contains(key) ? Set.of(key) : Set.of();
            }
            // Only enum constants fill the gap (institutions.status. + RECEIVED), so that institutions.status.title
            // is not taken for one of them.
            Pattern gap = Pattern.compile(Pattern.quote(prefix)
                    + (suffix.isEmpty() ? "[A-Z][A-Z0-9_]*" : "[A-Za-z0-9_]+")
                    + Pattern.quote(suffix));
            Set<String> keys = new TreeSet<>();
            all.stream().filter(k -> gap.matcher(k).matches()).forEach(keys::add);
            return keys;
        }
    }

    private static final Pattern LITERAL_KEY = Pattern.compile("[a-zA-Z][\\w.-]*");
    private static final Pattern PREFIXED_KEY =
            Pattern.compile("'([\\w.-]+)'\\s*\\+\\s*\\$\\{[^{}]*}(?:\\s*\\+\\s*'([\\w.-]+)')?");

    private static List<MessageCall> templateCalls(String html) {
        List<MessageCall> calls = new ArrayList<>();
        int at = html.indexOf("#{");
        while (at >= 0) {
            int end = closing(html, at + 1, '{', '}');
            if (end < 0) {
                break;
            }
            String expression = html.substring(at + 2, end).strip();
            Matcher literal = LITERAL_KEY.matcher(expression);
            Matcher prefixed = PREFIXED_KEY.matcher(expression);
            if (literal.lookingAt()) {
                calls.add(new MessageCall(literal.group(), null, null, arguments(expression.substring(literal.end()))));
            } else if (prefixed.lookingAt()) {
                calls.add(new MessageCall(
                        null,
                        prefixed.group(1),
                        prefixed.group(2) == null ? "" : prefixed.group(2),
                        arguments(expression.substring(prefixed.end()))));
            }
            at = html.indexOf("#{", at + 2);
        }
        return calls;
    }

    /** The number of arguments in {@code (a, b)} at the start of {@code rest}; none without parentheses. */
    private static int arguments(String rest) {
        String tail = rest.strip();
        if (!tail.startsWith("(")) {
            return 0;
        }
        int end = closing(tail, 0, '(', ')');
        return end < 0 ? 0 : split(tail.substring(1, end)).size();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Java call sites

    /** A call that names a message: which argument holds the key and how many message arguments it passes (-1: unknown). */
    record JavaCall(String name, List<String> parameters, int keyIndex, int arguments) {

        String keyArgument() {
            return keyIndex < parameters.size() ? parameters.get(keyIndex) : "";
        }

        static List<JavaCall> find(String code) {
            List<JavaCall> calls = new ArrayList<>();
            Matcher start = Pattern.compile(
                            "(addFlashAttribute|\\.rejectValue|\\.reject|new WindowProblem|new BookClubRefusal|getMessage)\\s*\\(")
                    .matcher(code);
            while (start.find()) {
                int open = start.end() - 1;
                int close = closing(code, open, '(', ')');
                if (close < 0) {
                    continue;
                }
                List<String> parameters = split(code.substring(open + 1, close));
                String name = start.group(1);
                JavaCall call =
                        switch (name) {
                            case "addFlashAttribute" ->
                                parameters.size() == 2 && parameters.get(0).equals("\"flashMessage\"")
                                        ? new JavaCall(name, parameters, 1, 0)
                                        : null;
                            case ".rejectValue" ->
                                parameters.size() == 2
                                        ? new JavaCall(name, parameters, 1, 0)
                                        : parameters.size() == 4
                                                ? new JavaCall(name, parameters, 1, count(parameters.get(2)))
                                                : null;
                            case ".reject" ->
                                parameters.size() == 1
                                        ? new JavaCall(name, parameters, 0, 0)
                                        : parameters.size() == 3
                                                ? new JavaCall(name, parameters, 0, count(parameters.get(1)))
                                                : null;
                            case "new WindowProblem" ->
                                parameters.size() == 2 ? new JavaCall(name, parameters, 1, 0) : null;
                            case "new BookClubRefusal" ->
                                parameters.size() >= 2
                                        ? new JavaCall(name, parameters, 1, parameters.size() - 2)
                                        : null;
                            case "getMessage" ->
                                parameters.size() == 3
                                        ? new JavaCall(name, parameters, 0, count(parameters.get(1)))
                                        : null;
                            default -> null;
                        };
                if (call != null) {
                    calls.add(call);
                }
            }
            return calls;
        }

        /** The arguments an {@code Object[]} expression holds: {@code null}, {@code new Object[] {a, b}}, else unknown. */
        private static int count(String expression) {
            String e = expression.strip();
            if (e.equals("null")) {
                return 0;
            }
            Matcher array =
                    Pattern.compile("(?s)new\\s+Object\\s*\\[\\s*]\\s*\\{(.*)}").matcher(e);
            return array.matches() ? split(array.group(1)).size() : -1;
        }
    }

    /** The string literals in an expression that look like message keys. */
    private static List<String> literals(String expression) {
        List<String> keys = new ArrayList<>();
        Matcher literal =
                Pattern.compile("\"([a-zA-Z][\\w-]*(?:\\.[\\w-]+)+)\"").matcher(expression);
        while (literal.find()) {
            keys.add(literal.group(1));
        }
        return keys;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Text helpers

    /** One more than the highest argument index in the message; 0 when it has none. */
    private static int places(String text) {
        int places = 0;
        Matcher index = INDEX.matcher(text);
        while (index.find()) {
            places = Math.max(places, Integer.parseInt(index.group(1)) + 1);
        }
        return places;
    }

    private static Object[] sampleArguments(MessageFormat format, int places) {
        Object[] arguments = new Object[places];
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < places; i++) {
            Format f = i < formats.length ? formats[i] : null;
            arguments[i] = f instanceof NumberFormat ? (Object) 3 : f instanceof DateFormat ? new Date(0) : "A" + i;
        }
        return arguments;
    }

    /** The index of the bracket that closes the one at {@code open}, skipping quoted text; -1 when there is none. */
    private static int closing(String text, int open, char opening, char closingChar) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || (c == '\'' && opening != '{')) {
                quote = c;
            } else if (c == opening) {
                depth++;
            } else if (c == closingChar) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits an argument list at its top-level commas. */
    private static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case ',' -> {
                    if (depth == 0) {
                        parts.add(list.substring(from, i).strip());
                        from = i + 1;
                    }
                }
                default -> {}
            }
        }
        String last = list.substring(from).strip();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** Every bundle's messages by language, all base names together (their keys are namespaced by module). */
    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        List<String> basenames = new ArrayList<>(List.of("messages"));
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("_fi.properties"))
                    .sorted()
                    .forEach(n -> basenames.add("i18n/" + n.substring(0, n.length() - "_fi.properties".length())));
        }
        for (String language : LANGUAGES) {
            Properties all = new Properties();
            for (String basename : basenames) {
                Path path = RESOURCES.resolve(basename + "_" + language + ".properties");
                if (Files.exists(path)) {
                    try (var reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
                        Properties properties = new Properties();
                        properties.load(reader);
                        properties.forEach(all::putIfAbsent);
                    }
                }
            }
            bundles.put(language, all);
        }
        return bundles;
    }
}
