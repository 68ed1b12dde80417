package fi.celia.celianet.maintenance;

import java.util.List;

/** The window was not saved; nothing was written. */
public class WindowRejectedException extends RuntimeException {

    private final transient List<WindowProblem> problems;

    public WindowRejectedException(List<WindowProblem> problems) {
        super("window rejected: " + problems, null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<WindowProblem> problems() {
        return problems;
    }
}
