package fi.celia.celianet.patrons.internal;

import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.spi.MailingList;
import org.springframework.stereotype.Component;

/**
 * Active patrons with an e-mail address, reached where their credentials go: a patron whose credentials go to a
 * guardian or a contact person is told through that person's address, in wording for that person and naming
 * the patron (as {@link PatronMail#proxy} decides for single mails); every other patron at their own address.
 */
@Component
class PatronMailingList implements MailingList {

    @Override
    public Audience audience() {
        return Audience.PATRONS;
    }

    @Override
    public int precedence() {
        return 3;
    }

    @Override
    public String selectRecipients() {
        return """
                SELECT CASE WHEN proxy THEN proxy_email ELSE email END AS email, language,
                       CASE WHEN proxy THEN credentials_to ELSE 'PATRON' END AS wording,
                       CASE WHEN proxy THEN first_name || ' ' || last_name END AS about
                FROM (
                    SELECT email, language, credentials_to, first_name, last_name, proxy_email,
                           credentials_to IN ('GUARDIAN', 'CONTACT') AND proxy_name IS NOT NULL
                             AND nullif(btrim(proxy_email), '') IS NOT NULL
                             AND lower(btrim(proxy_email)) IS DISTINCT FROM lower(btrim(email)) AS proxy
                    FROM (
                        SELECT email, language, credentials_to, first_name, last_name,
                               CASE credentials_to WHEN 'GUARDIAN' THEN guardian_email
                                                   WHEN 'CONTACT' THEN contact_email END AS proxy_email,
                               CASE credentials_to WHEN 'GUARDIAN' THEN guardian_name
                                                   WHEN 'CONTACT' THEN contact_name END AS proxy_name
                        FROM patron WHERE status = 'ACTIVE'
                    ) routes
                ) patrons""";
    }
}
