package fi.celia.celianet.notifications;

/** How far the mails about a reference have got: queued, sent, and failed (waiting for a retry). */
public record MailProgress(long queued, long sent, long failed) {

    public long total() {
        return queued + sent + failed;
    }

    public boolean any() {
        return total() > 0;
    }
}
