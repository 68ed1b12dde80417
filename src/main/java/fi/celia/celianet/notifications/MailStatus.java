package fi.celia.celianet.notifications;

import java.time.Instant;

/** Where one mail stands: queued (with failed attempts so far) or sent. */
public record MailStatus(
        String template, String state, int attempts, Instant createdAt, Instant sentAt, String recipient) {

    public boolean sent() {
        return "SENT".equals(state);
    }

    /** Attempts the mail server refused; the attempt under way (state SENDING) is not one of them. */
    public int failedAttempts() {
        return switch (state) {
            case "SENDING", "SENT" -> Math.max(0, attempts - 1);
            default -> attempts;
        };
    }
}
