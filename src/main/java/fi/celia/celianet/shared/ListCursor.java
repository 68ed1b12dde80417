package fi.celia.celianet.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.validation.Errors;

/**
 * Where a page of a list starts, as its links carry it: after a row (the next page) or before it (the previous page).
 * A row's id, not an offset, so that a page deep in a long list costs what the first one does and a row added or
 * removed meanwhile neither repeats nor skips a row.
 *
 * @param id the row the page starts next to
 * @param backward true for the page before the row, false for the page after it
 */
public record ListCursor(UUID id, boolean backward) {

    /**
     * The cursor of a request's {@code after} and {@code before} parameters: empty for the first page (neither).
     *
     * @throws IllegalArgumentException when a parameter is no row's id, or both are given: a link no page made
     */
    public static Optional<ListCursor> of(String after, String before) {
        boolean forward = after != null && !after.isBlank();
        boolean backward = before != null && !before.isBlank();
        if (forward && backward) {
            throw new IllegalArgumentException("after and before");
        }
        if (!forward && !backward) {
            return Optional.empty();
        }
        String id = (forward ? after : before).strip();
        // UUID.fromString accepts shortened groups (1-2-3-4-5); a link the page made has the full form
        if (id.length() != 36) {
            throw new IllegalArgumentException("not an id");
        }
        return Optional.of(new ListCursor(UUID.fromString(id), backward));
    }

    /**
     * The cursor of the request's {@code after} and {@code before} parameters, read as they came (not bound to the
     * form, so that a broken one is said of the link, not of a field). A link that no page made is an error of the
     * whole form ({@code pager.error.link}) and makes the answer 400 Bad Request; the page then lists nothing.
     */
    public static Optional<ListCursor> read(HttpServletRequest request, HttpServletResponse response, Errors errors) {
        try {
            return of(request.getParameter("after"), request.getParameter("before"));
        } catch (IllegalArgumentException e) {
            errors.reject("pager.error.link");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return Optional.empty();
        }
    }
}
