package fi.celia.celianet.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One reason a request cannot be carried out, as a form shows it: the field it concerns (null for the form as a
 * whole), the message key that explains it and the message's arguments. Every module's rules return these, and
 * {@link FieldProblems} turns them into the form's errors.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

    public FieldProblem {
        if (messageKey == null) {
            throw new IllegalArgumentException("a problem needs a message key");
        }
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A problem of one field (or of the whole form, when {@code field} is null) without message arguments. */
    public FieldProblem(String field, String messageKey) {
        this(field, messageKey, List.of());
    }

    /** A problem whose message takes arguments. */
    public static FieldProblem of(String field, String messageKey, Object... arguments) {
        return new FieldProblem(field, messageKey, arguments == null ? List.of() : Arrays.asList(arguments));
    }

    /** A problem of the form as a whole. */
    public static FieldProblem ofForm(String messageKey, Object... arguments) {
        return of(null, messageKey, arguments);
    }

    /** The message arguments as Spring's message source takes them. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
