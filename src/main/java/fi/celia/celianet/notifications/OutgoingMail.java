package fi.celia.celianet.notifications;

import fi.celia.celianet.credentials.TokenPurpose;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One mail to enqueue.
 *
 * @param dedupeKey     identifies the request and the recipient: enqueuing the same key twice sends one mail
 * @param template      message-bundle prefix: {@code mail.<template>.subject} and {@code mail.<template>.body},
 *                      with {@code ${name}} placeholders filled from {@code params}
 * @param linkPurpose   when set, a single-use token of this purpose is issued for {@code linkSubjectId} at send
 *                      time and the link replaces {@code ${link}} in the body
 * @param referenceType what the mail is about (e.g. {@code PATRON}), so its page can show the mail's state
 */
public record OutgoingMail(
        String dedupeKey,
        String recipient,
        Locale language,
        String template,
        Map<String, String> params,
        TokenPurpose linkPurpose,
        UUID linkSubjectId,
        String referenceType,
        UUID referenceId) {

    public static OutgoingMail of(
            String dedupeKey, String recipient, Locale language, String template, Map<String, String> params) {
        return new OutgoingMail(dedupeKey, recipient, language, template, params, null, null, null, null);
    }

    public OutgoingMail withLink(TokenPurpose purpose, UUID subjectId) {
        return new OutgoingMail(
                dedupeKey, recipient, language, template, params, purpose, subjectId, referenceType, referenceId);
    }

    public OutgoingMail about(String type, UUID id) {
        return new OutgoingMail(dedupeKey, recipient, language, template, params, linkPurpose, linkSubjectId, type, id);
    }
}
