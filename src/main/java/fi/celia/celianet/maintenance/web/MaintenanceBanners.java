package fi.celia.celianet.maintenance.web;

import java.util.List;

import fi.celia.celianet.maintenance.CurrentWindow;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the maintenance banners on every page (the layout shows them when the list is not empty): announced
 * and running windows, and for a week after a window a quieter notice. One indexed query per page, nothing
 * cached, so the banner changes at the exact second the window does.
 */
@ControllerAdvice
class MaintenanceBanners {

    private final MaintenanceWindows windows;

    MaintenanceBanners(MaintenanceWindows windows) {
        this.windows = windows;
    }

    @ModelAttribute("maintenanceBanners")
    List<CurrentWindow> maintenanceBanners() {
        return windows.banners();
    }
}
