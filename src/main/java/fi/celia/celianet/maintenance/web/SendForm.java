package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.notifications.Audience;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashSet;
import java.util.Set;

/** The window page's choice of whom to tell and when; the confirmation page comes next. */
public class SendForm {

    public static final String NOW = "NOW";
    public static final String SCHEDULED = "SCHEDULED";

    @NotEmpty(message = "{maintenance.send.error.audiences}")
    private Set<Audience> audiences = new LinkedHashSet<>();

    @Pattern(regexp = "NOW|SCHEDULED", message = "{maintenance.send.error.when}")
    private String when = NOW;

    public Set<Audience> getAudiences() {
        return audiences;
    }

    public void setAudiences(Set<Audience> audiences) {
        this.audiences = audiences == null ? new LinkedHashSet<>() : audiences;
    }

    public String getWhen() {
        return when;
    }

    public void setWhen(String when) {
        this.when = when;
    }

    public boolean scheduled() {
        return SCHEDULED.equals(when);
    }
}
