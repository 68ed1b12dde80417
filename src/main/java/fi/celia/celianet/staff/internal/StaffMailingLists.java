package fi.celia.celianet.staff.internal;

import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.spi.MailingList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Active staff members, and the contacts of active organisations: the organisations' audience, in staff wording. */
@Configuration(proxyBeanMethods = false)
class StaffMailingLists {

    @Bean
    MailingList staffMembers() {
        return list(
                1,
                "SELECT email, language, 'STAFF' AS wording, NULL AS about FROM staff_account WHERE active AND btrim(email) <> ''");
    }

    @Bean
    MailingList organisationContacts() {
        return list(
                2,
                "SELECT email, language, 'STAFF' AS wording, NULL AS about FROM organisation"
                        + " WHERE active AND email IS NOT NULL AND btrim(email) <> ''");
    }

    private static MailingList list(int precedence, String sql) {
        return new MailingList() {
            @Override
            public Audience audience() {
                return Audience.ORGANISATIONS;
            }

            @Override
            public int precedence() {
                return precedence;
            }

            @Override
            public String selectRecipients() {
                return sql;
            }
        };
    }
}
