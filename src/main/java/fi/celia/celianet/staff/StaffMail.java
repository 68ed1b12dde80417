package fi.celia.celianet.staff;

import java.util.Locale;
import java.util.Map;

import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.staff.internal.StaffAccountRepository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After the account change commits, puts its mail into the outbox. A second delivery of the same event
 * finds the mail already queued (same dedupe key) and adds nothing.
 */
@Component
class StaffMail {

    static final String INVITATION = "staff-invitation";
    static final String RESET = "staff-reset";

    private final StaffAccountRepository accounts;
    private final Mailbox mailbox;

    StaffMail(StaffAccountRepository accounts, Mailbox mailbox) {
        this.accounts = accounts;
        this.mailbox = mailbox;
    }

    @ApplicationModuleListener
    void on(StaffInvitationRequested event) {
        accounts.findById(event.accountId()).filter(StaffAccount::isActive).ifPresent(account ->
                mailbox.enqueue(mail(account, INVITATION, event.requestId().toString())
                        .withLink(TokenPurpose.STAFF_INVITATION, account.getId())));
    }

    @ApplicationModuleListener
    void on(StaffPasswordResetRequested event) {
        accounts.findById(event.accountId()).filter(StaffAccount::isActive).ifPresent(account ->
                mailbox.enqueue(mail(account, RESET, event.requestId().toString())
                        .withLink(TokenPurpose.STAFF_RESET, account.getId())));
    }

    private static OutgoingMail mail(StaffAccount account, String template, String requestId) {
        return OutgoingMail.of(requestId + ":" + account.getEmail(), account.getEmail(), Locale.forLanguageTag(account.getLanguage()),
                        template, Map.of("name", account.getDisplayName(), "username", account.getUsername()))
                .about("STAFF_ACCOUNT", account.getId());
    }
}
