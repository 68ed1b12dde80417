package fi.celia.celianet.staff;

import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.notifications.Mailbox;
import fi.celia.celianet.notifications.OutgoingMail;
import fi.celia.celianet.staff.internal.OrganisationRepository;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The staff accounts' mails, queued in the outbox in the caller's transaction, so the account change and its
 * mail commit together or not at all.
 */
@Component
class StaffMail {

    static final String INVITATION = "staff-invitation";
    /** The invitation of a registrar or main user: it names the organisation the account registers for. */
    static final String ORGANISATION_INVITATION = "staff-invitation-organisation";

    static final String RESET = "staff-reset";

    static final String SECOND_FACTOR = "staff-second-factor";

    private final Mailbox mailbox;
    private final OrganisationRepository organisations;

    StaffMail(Mailbox mailbox, OrganisationRepository organisations) {
        this.mailbox = mailbox;
        this.organisations = organisations;
    }

    void invitation(StaffAccount account) {
        if (!account.isActive()) {
            return;
        }
        Optional<Organisation> organisation = account.getOrganisationId() == null
                ? Optional.empty()
                : organisations.findById(account.getOrganisationId());
        OutgoingMail mail = organisation
                .map(o -> mail(
                        account,
                        ORGANISATION_INVITATION,
                        UUID.randomUUID().toString(),
                        Map.of("organisation", o.getName())))
                .orElseGet(() -> mail(account, INVITATION, UUID.randomUUID().toString(), Map.of()));
        mailbox.enqueue(mail.withLink(TokenPurpose.STAFF_INVITATION, account.getId()));
    }

    void passwordReset(StaffAccount account) {
        if (account.isActive()) {
            mailbox.enqueue(mail(account, RESET, UUID.randomUUID().toString(), Map.of())
                    .withLink(TokenPurpose.STAFF_RESET, account.getId()));
        }
    }

    /** The single-use link to enrol a second sign-in factor; it opens nothing without the account's password. */
    void secondFactorEnrolment(StaffAccount account) {
        if (account.isActive()) {
            mailbox.enqueue(mail(account, SECOND_FACTOR, UUID.randomUUID().toString(), Map.of())
                    .withLink(TokenPurpose.STAFF_SECOND_FACTOR, account.getId()));
        }
    }

    private static OutgoingMail mail(
            StaffAccount account, String template, String requestId, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        params.put("name", account.getDisplayName());
        params.put("username", account.getUsername());
        return OutgoingMail.of(
                        requestId + ":" + account.getEmail(),
                        account.getEmail(),
                        Locale.forLanguageTag(account.getLanguage()),
                        template,
                        params)
                .about("STAFF_ACCOUNT", account.getId());
    }
}
