package fi.celia.celianet.bookclubs.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A monthly calendar: the first delivery, how many months, and the production lead time in days. */
class CalendarForm {

    @NotBlank(message = "{bookclubs.calendar.error.firstDelivery}")
    @Pattern(
            regexp = "\\s*(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})?\\s*",
            message = "{bookclubs.calendar.error.firstDelivery}")
    private String firstDelivery;

    @NotBlank(message = "{bookclubs.calendar.error.monthsNumber}")
    @Pattern(regexp = "\\s*\\d{0,4}\\s*", message = "{bookclubs.calendar.error.monthsNumber}")
    private String months = "12";

    @NotBlank(message = "{bookclubs.calendar.error.leadTimeNumber}")
    @Pattern(regexp = "\\s*-?\\d{0,4}\\s*", message = "{bookclubs.calendar.error.leadTimeNumber}")
    private String leadTimeDays;

    /** The version of the record the form was drawn from; null when it does not matter. */
    private Long version;

    public String getFirstDelivery() {
        return firstDelivery;
    }

    public void setFirstDelivery(String firstDelivery) {
        this.firstDelivery = firstDelivery;
    }

    public String getMonths() {
        return months;
    }

    public void setMonths(String months) {
        this.months = months;
    }

    public String getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(String leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
