package fi.celia.celianet.notifications;

import java.time.Instant;

/** Where one mail stands: queued (with failed attempts so far) or sent. */
public record MailStatus(String template, String state, int attempts, Instant createdAt, Instant sentAt,
        String recipient) {

    public boolean sent() {
        return "SENT".equals(state);
    }
}
