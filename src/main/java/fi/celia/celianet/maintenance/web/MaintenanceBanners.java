package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.maintenance.CurrentWindow;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Puts the maintenance banners on every page (the layout shows them when the list is not empty): announced
 * and running windows, and for a week after a window a quieter notice. Read from
 * {@link MaintenanceWindows#banners()}, which queries at most once a second.
 */
@ControllerAdvice
class MaintenanceBanners {

    private final MaintenanceWindows windows;

    MaintenanceBanners(MaintenanceWindows windows) {
        this.windows = windows;
    }

    /** Read only when a page actually renders the layout: JSON answers and redirects cost no query. */
    @ModelAttribute("maintenanceBanners")
    LazyContextVariable<List<CurrentWindow>> maintenanceBanners() {
        return new LazyContextVariable<>() {
            @Override
            protected List<CurrentWindow> loadValue() {
                return windows.banners();
            }
        };
    }
}
