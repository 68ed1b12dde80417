package fi.celia.celianet.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of checking a piece of typed text: either the value it stands for or exactly one problem.
 *
 * @param <V> the value type, for instance a personal identity code
 * @param <P> the problems the check can find, in the order they are checked
 */
public final class Checked<V, P extends Enum<P>> {

    private final V value;
    private final P problem;

    private Checked(V value, P problem) {
        this.value = value;
        this.problem = problem;
    }

    public static <V, P extends Enum<P>> Checked<V, P> valid(V value) {
        return new Checked<>(Objects.requireNonNull(value), null);
    }

    public static <V, P extends Enum<P>> Checked<V, P> invalid(P problem) {
        return new Checked<>(null, Objects.requireNonNull(problem));
    }

    public boolean isValid() {
        return value != null;
    }

    /** The value; throws {@link IllegalStateException} when the text was not valid. */
    public V value() {
        if (value == null) {
            throw new IllegalStateException("Not valid: " + problem);
        }
        return value;
    }

    /** The problem, or {@code null} when the text was valid. */
    public P problem() {
        return problem;
    }

    /**
     * The message bundle key of a problem: the prefix followed by the constant's name in camel case, so that
     * {@code CHECK_DIGIT} under {@code institutions.businessId.error.} becomes
     * {@code institutions.businessId.error.checkDigit}.
     */
    public static String messageKey(String prefix, Enum<?> problem) {
        StringBuilder key = new StringBuilder(prefix);
        boolean upperNext = false;
        for (String part : problem.name().split("_", -1)) {
            key.append(
                    upperNext
                            ? part.charAt(0) + part.substring(1).toLowerCase(Locale.ROOT)
                            : part.toLowerCase(Locale.ROOT));
            upperNext = true;
        }
        return key.toString();
    }

    @Override
    public String toString() {
        return isValid() ? "Checked[valid " + value + "]" : "Checked[" + problem + "]";
    }
}
