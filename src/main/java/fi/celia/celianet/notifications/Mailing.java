package fi.celia.celianet.notifications;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One mail to everyone on the {@link fi.celia.celianet.notifications.spi.MailingList}s of the chosen audiences,
 * in each recipient's language and in the wording written for them.
 *
 * @param template      names the mail; the dedupe key of each recipient's copy is
 *                      {@code <template>:<dedupeKey>:<address in lower case>}, so the same mailing queued twice
 *                      reaches each address once
 * @param dedupeKey     identifies this mailing among the template's (e.g. a window and its version)
 * @param audiences     whom it reaches
 * @param subjects      the subject by {@link #key wording and language}; Finnish for any other language
 * @param bodies        the body likewise; {@link #ABOUT} in a body stands for the name of the patron (or the
 *                      patrons) a guardian or contact person is told about
 * @param referenceType what the mailing is about, so its progress can be read with {@link Mailings#progress}
 * @param priority      delivery order against other mail: lower goes first (single mails have 0)
 */
public record Mailing(
        String template,
        String dedupeKey,
        Set<Audience> audiences,
        Map<String, String> subjects,
        Map<String, String> bodies,
        String referenceType,
        UUID referenceId,
        int priority) {

    /** Stands for the name of the person a mail to a guardian or contact person is about. */
    public static final String ABOUT = "\u2063about\u2063";

    /** The key of a text in {@link #subjects} and {@link #bodies}: e.g. {@code PATRON:sv}. */
    public static String key(Wording wording, String language) {
        return wording.name() + ":" + language;
    }
}
