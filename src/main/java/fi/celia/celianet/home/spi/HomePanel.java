package fi.celia.celianet.home.spi;

import fi.celia.celianet.staff.StaffPrincipal;
import java.util.Map;

/**
 * A panel on the home page. A module contributes one as a bean: the panel says whom it is for, which
 * template fragment draws it and what that fragment needs.
 */
public interface HomePanel {

    /** Lower comes first. */
    int order();

    boolean visibleTo(StaffPrincipal user);

    /** A fragment expression such as {@code patrons/home :: panel}. */
    String fragment();

    Map<String, Object> model(StaffPrincipal user);
}
