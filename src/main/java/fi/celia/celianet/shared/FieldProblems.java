package fi.celia.celianet.shared;

import java.util.Collection;
import org.springframework.validation.Errors;

/**
 * Turns {@link FieldProblem}s into a form's errors. A field that already has an error (from binding or Bean
 * Validation) gets no second one, so every field shows one message; a problem without a field becomes an error
 * of the whole form, shown in the error summary.
 */
public final class FieldProblems {

    private FieldProblems() {}

    public static void reject(Errors errors, Collection<FieldProblem> problems) {
        problems.forEach(problem -> reject(errors, problem));
    }

    public static void reject(Errors errors, FieldProblem problem) {
        if (problem.field() == null) {
            errors.reject(problem.messageKey(), problem.argumentArray(), null);
        } else if (!errors.hasFieldErrors(problem.field())) {
            errors.rejectValue(problem.field(), problem.messageKey(), problem.argumentArray(), null);
        }
    }
}
