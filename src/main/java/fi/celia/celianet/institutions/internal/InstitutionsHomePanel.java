package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.home.spi.HomePanel;
import fi.celia.celianet.staff.StaffPrincipal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The queue at a glance on the staff home page: waiting, overdue, median working days to a decision. */
@Component
class InstitutionsHomePanel implements HomePanel {

    private final ApplicationFigures figures;

    InstitutionsHomePanel(ApplicationFigures figures) {
        this.figures = figures;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean visibleTo(StaffPrincipal user) {
        return user.isServiceStaff();
    }

    @Override
    public String fragment() {
        return "institutions/home :: panel";
    }

    @Override
    public Map<String, Object> model(StaffPrincipal user) {
        JoinEstimate estimate = figures.estimate();
        return Map.of(
                "waiting",
                estimate.waiting(),
                "overdue",
                figures.overdueCount(),
                "hasMedian",
                estimate.medianWorkingDays() != null,
                "median",
                estimate.medianWorkingDays() == null ? 0.0 : estimate.medianWorkingDays(),
                "target",
                estimate.targetWorkingDays(),
                "weeks",
                figures.weeks(6));
    }
}
