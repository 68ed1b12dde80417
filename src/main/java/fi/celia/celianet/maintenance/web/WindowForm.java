package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.calendar.Dates;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.MaintenanceWindow;
import fi.celia.celianet.maintenance.WindowDetails;
import fi.celia.celianet.shared.MultiLine;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * The window form. Times arrive as {@code datetime-local} text, or typed as people write them ({@link Dates#parseDateTime}), in Helsinki time and stay text, so an
 * unparseable value comes back to the administrator as they typed it.
 */
class WindowForm {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String startsAt;
    private String endsAt;
    private String announceFrom;
    private String titleFi;
    private String titleSv;
    private String titleEn;

    @Pattern(regexp = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*", message = "{validation.characters}")
    @MultiLine
    private String messageFi;

    @Pattern(regexp = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*", message = "{validation.characters}")
    @MultiLine
    private String messageSv;

    @Pattern(regexp = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*", message = "{validation.characters}")
    @MultiLine
    private String messageEn;

    private List<ClosableService> services = new ArrayList<>();
    private List<ContactChannel> channels = new ArrayList<>();
    /** The window's edit counter when the page was shown; a save from a stale page is refused. */
    private Long lockVersion;

    static WindowForm of(MaintenanceWindow window) {
        var form = new WindowForm();
        form.startsAt = LOCAL.format(Helsinki.at(window.startsAt()));
        form.endsAt = LOCAL.format(Helsinki.at(window.endsAt()));
        form.announceFrom = LOCAL.format(Helsinki.at(window.announceFrom()));
        form.titleFi = window.titles().get("fi");
        form.titleSv = window.titles().get("sv");
        form.titleEn = window.titles().get("en");
        form.messageFi = window.messages().get("fi");
        form.messageSv = window.messages().get("sv");
        form.messageEn = window.messages().get("en");
        form.services = new ArrayList<>(window.services());
        form.channels = new ArrayList<>(window.openChannels());
        form.lockVersion = window.lockVersion();
        return form;
    }

    /** The details, with each unreadable or missing time reported on its own field. */
    WindowDetails toDetails(Errors errors) {
        return new WindowDetails(
                time("startsAt", startsAt, errors),
                time("endsAt", endsAt, errors),
                time("announceFrom", announceFrom, errors),
                titleFi,
                titleSv,
                titleEn,
                messageFi,
                messageSv,
                messageEn,
                services == null || services.isEmpty() ? Set.of() : EnumSet.copyOf(services),
                channels == null || channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels));
    }

    private static Instant time(String field, String value, Errors errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "maintenance.window.error." + field + ".required");
            return null;
        }
        LocalDateTime typed = Dates.parseDateTime(value);
        if (typed == null) {
            errors.rejectValue(field, "maintenance.window.error." + field + ".unparseable");
            return null;
        }
        return Helsinki.instantOf(typed);
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(String endsAt) {
        this.endsAt = endsAt;
    }

    public String getAnnounceFrom() {
        return announceFrom;
    }

    public void setAnnounceFrom(String announceFrom) {
        this.announceFrom = announceFrom;
    }

    public String getTitleFi() {
        return titleFi;
    }

    public void setTitleFi(String titleFi) {
        this.titleFi = titleFi;
    }

    public String getTitleSv() {
        return titleSv;
    }

    public void setTitleSv(String titleSv) {
        this.titleSv = titleSv;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getMessageFi() {
        return messageFi;
    }

    public void setMessageFi(String messageFi) {
        this.messageFi = messageFi;
    }

    public String getMessageSv() {
        return messageSv;
    }

    public void setMessageSv(String messageSv) {
        this.messageSv = messageSv;
    }

    public String getMessageEn() {
        return messageEn;
    }

    public void setMessageEn(String messageEn) {
        this.messageEn = messageEn;
    }

    public List<ClosableService> getServices() {
        return services;
    }

    public void setServices(List<ClosableService> services) {
        this.services = services;
    }

    public List<ContactChannel> getChannels() {
        return channels;
    }

    public void setChannels(List<ContactChannel> channels) {
        this.channels = channels;
    }

    public Long getLockVersion() {
        return lockVersion;
    }

    public void setLockVersion(Long lockVersion) {
        this.lockVersion = lockVersion;
    }
}
