package fi.celia.celianet.maintenance;

import fi.celia.celianet.shared.FieldProblem;
import java.util.List;

/** The window was not saved; nothing was written. */
public class WindowRejectedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public WindowRejectedException(List<FieldProblem> problems) {
        super("window rejected: " + problems, null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
