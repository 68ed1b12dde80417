package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.shared.FieldProblem;
import java.util.List;

/** A registration or an edit broke the patron rules; nothing was written. The problems say which, field by field. */
public class PatronRejectedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public PatronRejectedException(List<FieldProblem> problems) {
        super(
                "patron rejected: "
                        + problems.stream().map(FieldProblem::messageKey).toList(),
                null,
                false,
                false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
