package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.notifications.MailStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Derives a patron's {@link CredentialsState} from what is recorded: a set password wins; otherwise the newest of
 * the credentials mail, the newest letter and the phone code decides (so a letter asked for after a failing mail
 * shows the letter); with none of them, the way the credentials go says what is still to come.
 */
final class CredentialsStates {

    private CredentialsStates() {}

    static CredentialsStatus of(Patron patron, Optional<MailStatus> mail, Optional<CredentialLetters.Letter> letter) {
        if (patron.hasPassword()) {
            return new CredentialsStatus(CredentialsState.ACTIVATED, patron.passwordSetAt(), null, 0);
        }
        Instant mailAt = mail.map(MailStatus::createdAt).orElse(null);
        Instant letterAt = letter.map(CredentialLetters.Letter::requestedAt).orElse(null);
        Instant codeAt = patron.phoneCodeGivenAt();
        Instant newest = max(max(mailAt, letterAt), codeAt);
        if (newest == null) {
            return nothingYet(patron);
        }
        if (newest.equals(codeAt)) {
            return new CredentialsStatus(CredentialsState.CODE_GIVEN, codeAt, null, 0);
        }
        if (newest.equals(letterAt)) {
            var l = letter.orElseThrow();
            if (l.postedAt() != null) {
                return new CredentialsStatus(CredentialsState.LETTER_POSTED, l.postedAt(), null, 0);
            }
            if (l.printedAt() != null) {
                return new CredentialsStatus(CredentialsState.LETTER_PRINTED, l.printedAt(), null, 0);
            }
            return new CredentialsStatus(CredentialsState.LETTER_WAITING, l.requestedAt(), null, 0);
        }
        MailStatus m = mail.orElseThrow();
        if (m.sent()) {
            return new CredentialsStatus(CredentialsState.SENT, m.sentAt(), m.recipient(), 0);
        }
        if (m.failedAttempts() > 0) {
            return new CredentialsStatus(CredentialsState.FAILED, m.createdAt(), m.recipient(), m.failedAttempts());
        }
        return new CredentialsStatus(CredentialsState.QUEUED, m.createdAt(), m.recipient(), 0);
    }

    private static CredentialsStatus nothingYet(Patron patron) {
        return switch (patron.credentialsBy()) {
            case PatronRules.LETTER, PatronRules.IN_PERSON ->
                new CredentialsStatus(CredentialsState.LETTER_WAITING, null, null, 0);
            case PatronRules.PHONE -> new CredentialsStatus(CredentialsState.QUEUED, null, null, 0);
            default ->
                patron.active() && patron.credentialsRecipient() != null
                        ? new CredentialsStatus(CredentialsState.QUEUED, null, patron.credentialsRecipient(), 0)
                        : new CredentialsStatus(null, null, null, 0);
        };
    }

    private static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
