package fi.celia.celianet.maintenance.internal;

import fi.celia.celianet.notifications.MailProgress;
import fi.celia.celianet.notifications.Mailings;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** How far the announcement mails of a window have got: queued, sent, and failed (waiting for a retry). */
@Component
public class AnnouncementProgress {

    private final Mailings mailings;

    AnnouncementProgress(Mailings mailings) {
        this.mailings = mailings;
    }

    public MailProgress of(UUID windowId) {
        return mailings.progress(Announcements.REFERENCE_TYPE, windowId);
    }
}
