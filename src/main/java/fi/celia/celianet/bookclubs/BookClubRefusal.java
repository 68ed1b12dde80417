package fi.celia.celianet.bookclubs;

import fi.celia.celianet.shared.FieldProblem;

/**
 * A request the book clubs refuse, with the {@link FieldProblem} that tells the user why: the message key (in
 * {@code i18n/bookclubs}) and its arguments, and the form field at fault when there is one.
 */
public class BookClubRefusal extends RuntimeException {

    private final transient FieldProblem problem;

    public BookClubRefusal(String field, String messageKey, Object... arguments) {
        this(FieldProblem.of(field, messageKey, arguments));
    }

    public BookClubRefusal(FieldProblem problem) {
        super(problem.messageKey(), null, false, false);
        this.problem = problem;
    }

    public FieldProblem problem() {
        return problem;
    }
}
