package fi.celia.celianet.notifications;

import java.util.Map;
import java.util.UUID;

/**
 * One mail to everyone on every {@link fi.celia.celianet.notifications.spi.MailingList}, in each recipient's
 * language.
 *
 * @param template      names the mail; the dedupe key of each recipient's copy is
 *                      {@code <template>:<dedupeKey>:<address in lower case>}, so the same mailing queued twice
 *                      reaches each address once
 * @param dedupeKey     identifies this mailing among the template's (e.g. a window and its version)
 * @param subjects      the subject by language ({@code fi}, {@code sv}, {@code en}); Finnish for any other
 * @param bodies        the body by language, likewise
 * @param referenceType what the mailing is about, so its progress can be read with {@link Mailings#progress}
 * @param priority      delivery order against other mail: lower goes first (single mails have 0)
 */
public record Mailing(
        String template,
        String dedupeKey,
        Map<String, String> subjects,
        Map<String, String> bodies,
        String referenceType,
        UUID referenceId,
        int priority) {}
