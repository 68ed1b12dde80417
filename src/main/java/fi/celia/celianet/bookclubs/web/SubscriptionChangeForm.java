package fi.celia.celianet.bookclubs.web;

import fi.celia.celianet.calendar.Dates;
import java.time.LocalDate;

/** A pause, a resumption or an end from the patron page: the subscription's version as the page showed it. */
class SubscriptionChangeForm {

    private String version;
    private String from;

    /** The version the page's form sent back; null (no check) when it sent none or nonsense. */
    Long expectedVersion() {
        try {
            return version == null || version.isBlank() ? null : Long.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first day of a pause as typed; null when it is no date. */
    LocalDate pauseFrom() {
        return Dates.parse(from);
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }
}
