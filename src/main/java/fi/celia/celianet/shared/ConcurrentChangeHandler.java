package fi.celia.celianet.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else saved the same record first: the 409 page says so and what to do, instead of a 500. */
@ControllerAdvice
class ConcurrentChangeHandler {

    private final LayoutModel layout;

    ConcurrentChangeHandler(LayoutModel layout) {
        this.layout = layout;
    }

    /** An exception handler's model starts empty, so the layout's attributes are added here. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(Model model, HttpServletRequest request) {
        layout.addTo(model, request);
        return "error/409";
    }
}
