package fi.celia.celianet.shared;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * One binder for every form. Text is trimmed (except passwords and {@link MultiLine} text areas); NUL and the
 * other C0 control characters (tab and newline allowed in text areas) and the bidirectional override characters
 * are refused with a field error ({@code typeMismatch.java.lang.String}), so they never reach the database or a
 * page. A value that cannot be converted (an unknown option, a number too large) becomes the field's own
 * {@code typeMismatch} message through {@link FormMessageCodes}.
 */
@ControllerAdvice
public class FormBinding {

    /** The most rows a form's list may grow to from indexed fields (the join form's registrars: ten). */
    public static final int MAX_LIST_ROWS = 10;

    private static final Map<Class<?>, List<String>> SPECIAL_FIELDS = new ConcurrentHashMap<>();

    @InitBinder
    void bind(WebDataBinder binder) {
        // before any editor: registering one initialises the binder
        binder.setAutoGrowCollectionLimit(MAX_LIST_ROWS);
        binder.registerCustomEditor(String.class, new CleanText(true, false, false));
        // a form object made by constructor binding has no target yet, only its type
        Class<?> type = binder.getTarget() != null
                ? binder.getTarget().getClass()
                : binder.getTargetType() != null ? binder.getTargetType().resolve() : null;
        if (type == null || type == String.class || type.getName().startsWith("java.")) {
            return;
        }
        for (String field : specialFields(type)) {
            boolean multiLine = field.startsWith("\n");
            String name = multiLine ? field.substring(1) : field;
            binder.registerCustomEditor(String.class, name, new CleanText(false, multiLine, false));
        }
    }

    /** For forms whose empty fields mean "not given": trimmed, checked, and an empty value becomes null. */
    public static void emptyAsNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new CleanText(true, false, true));
    }

    /** The String fields that are not trimmed: passwords, and text areas (marked with a leading newline). */
    private static List<String> specialFields(Class<?> type) {
        return SPECIAL_FIELDS.computeIfAbsent(type, t -> {
            List<String> fields = new ArrayList<>();
            ReflectionUtils.doWithFields(t, (Field f) -> {
                if (f.getType() != String.class) {
                    return;
                }
                if (f.isAnnotationPresent(MultiLine.class)) {
                    fields.add("\n" + f.getName());
                } else if (f.getName().toLowerCase(Locale.ROOT).contains("password")) {
                    fields.add(f.getName());
                }
            });
            return List.copyOf(fields);
        });
    }

    /** Whether a character may stand in typed text: no C0 controls but tab and newline, no bidi overrides. */
    static boolean allowed(char c, boolean multiLine) {
        if (c < 0x20) {
            return multiLine && (c == '\n' || c == '\r' || c == '\t');
        }
        if (c == 0x7F) {
            return false;
        }
        // LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI
        return !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069);
    }

    static final class CleanText extends PropertyEditorSupport {

        private final boolean trim;
        private final boolean multiLine;
        private final boolean emptyAsNull;

        CleanText(boolean trim, boolean multiLine, boolean emptyAsNull) {
            this.trim = trim;
            this.multiLine = multiLine;
            this.emptyAsNull = emptyAsNull;
        }

        @Override
        public void setAsText(String text) {
            if (text == null) {
                setValue(null);
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                if (!allowed(text.charAt(i), multiLine)) {
                    throw new IllegalArgumentException("a control or direction character at " + i);
                }
            }
            String value = trim ? text.strip() : text;
            setValue(emptyAsNull && value.isEmpty() ? null : value);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
