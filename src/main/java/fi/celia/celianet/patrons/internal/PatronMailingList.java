package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.notifications.spi.MailingList;
import org.springframework.stereotype.Component;

/** Active patrons who have an e-mail address. */
@Component
class PatronMailingList implements MailingList {

    @Override
    public int precedence() {
        return 3;
    }

    @Override
    public String selectEmailAndLanguage() {
        return "SELECT email, language FROM patron WHERE status = 'ACTIVE' AND email IS NOT NULL AND btrim(email) <> ''";
    }
}
