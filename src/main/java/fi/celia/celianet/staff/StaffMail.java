package fi.celia.celianet.staff;

import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The staff accounts' mails, queued in the outbox in the caller's transaction, so the account change and its
 * mail commit together or not at all.
 */
@Component
class StaffMail {

    static final String INVITATION = "staff-invitation";
    static final String RESET = "staff-reset";

    private final Mailbox mailbox;

    StaffMail(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    void invitation(StaffAccount account) {
        if (account.isActive()) {
            mailbox.enqueue(mail(account, INVITATION, UUID.randomUUID().toString())
                    .withLink(TokenPurpose.STAFF_INVITATION, account.getId()));
        }
    }

    void passwordReset(StaffAccount account) {
        if (account.isActive()) {
            mailbox.enqueue(mail(account, RESET, UUID.randomUUID().toString())
                    .withLink(TokenPurpose.STAFF_RESET, account.getId()));
        }
    }

    private static OutgoingMail mail(StaffAccount account, String template, String requestId) {
        return OutgoingMail.of(
                        requestId + ":" + account.getEmail(),
                        account.getEmail(),
                        Locale.forLanguageTag(account.getLanguage()),
                        template,
                        Map.of("name", account.getDisplayName(), "username", account.getUsername()))
                .about("STAFF_ACCOUNT", account.getId());
    }
}
