package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.DatabaseScan;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Erasing a patron leaves the person's name, e-mail address, phone number and identity code in no column of any
 * table: the record, its history, the mail outbox, the audit trail, registration submissions, kept searches,
 * letters and sessions, nor in a {@code pg_dump} of the database. Only the patron number, the dates and the fact of
 * erasure remain.
 */
class PatronErasureTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void anErasedPatronsNameEmailPhoneAndIdentityCodeAreInNoColumnOfAnyTable() throws Exception {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        String firstName = "Zelmiriina" + tag;
        String lastName = "Quorvatsson" + tag;
        String email = "zq" + tag + "@example.fi";
        String phone = "+358 44 " + tag;
        String newPhone = "+358 45 " + tag;
        String code = PatronFixtures.newCode();

        var library = data.library(TestData.unique("Library"));
        var registrar = signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD);
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), code, email);
        fields.set("firstName", firstName);
        fields.set("lastName", lastName);
        fields.set("phone", phone);
        var registered = mvc.perform(post("/patrons").with(registrar).params(fields))
                .andReturn()
                .getResponse();
        assertThat(registered.getStatus()).isEqualTo(303);
        UUID id = UUID.fromString(registered.getRedirectedUrl().substring("/patrons/".length()));
        String number = jdbc.sql("SELECT patron_number FROM patron WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();

        // the credentials mail is sent, so the outbox holds it as sent
        await().atMost(mailWait()).until(() -> TestMail.to(email), l -> !l.isEmpty());

        // one edit: a new phone number and a contact person of the same name
        assertThat(mvc.perform(post("/patrons/" + id)
                                .with(registrar)
                                .param("email", email)
                                .param("phone", newPhone)
                                .param("language", "fi")
                                .param("services", "ONLINE")
                                .param("services", "CD_CLUBS")
                                .param("streetAddress", "Kirjastokatu 2 A 5")
                                .param("postalCode", "00100")
                                .param("city", "Helsinki")
                                .param("contactName", firstName + " " + lastName)
                                .param("contactRelation", "itse")
                                .param("credentialsTo", "PATRON")
                                .param("credentialsBy", "LETTER"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);

        // a credentials letter ordered and printed
        assertThat(mvc.perform(post("/patrons/" + id + "/letters").with(registrar))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        assertThat(mvc.perform(post("/patrons/letters/print").with(registrar))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        // kept searches: by name and by identity code
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        assertThat(PatronFixtures.search(mvc, staff, lastName, null)).contains("/patrons/" + id);
        assertThat(PatronFixtures.search(mvc, staff, firstName + " " + lastName, null))
                .contains("/patrons/" + id);
        assertThat(PatronFixtures.search(mvc, registrar, code, null)).contains("/patrons/" + id);

        assertThat(mvc.perform(post("/patrons/" + id + "/close")
                                .with(staff)
                                .param("reason", "Pyysi poistoa: " + firstName + " " + lastName + ", " + email))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        assertThat(mvc.perform(post("/patrons/" + id + "/erase").with(staff))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);

        Set<String> values = new LinkedHashSet<>(List.of(
                firstName,
                lastName,
                email,
                phone,
                phone.replace(" ", ""),
                newPhone,
                newPhone.replace(" ", ""),
                code,
                code.toLowerCase(Locale.ROOT),
                code.substring(0, 6) + code.substring(7),
                code.substring(0, 6) + code.substring(7).toLowerCase(Locale.ROOT)));
        assertThat(DatabaseScan.whereFound(jdbc, values))
                .as("columns holding the erased patron's data")
                .isEmpty();
        // nor does a backup
        String dump = DatabaseScan.dump(context, jdbc);
        assertThat(dump).contains(id.toString());
        for (String value : values) {
            assertThat(dump).doesNotContainIgnoringCase(value);
        }

        // what remains: the number, the dates and the fact of erasure
        var row = jdbc.sql(
                        "SELECT patron_number, status, registered_at IS NOT NULL AND closed_at IS NOT NULL AS dated FROM patron WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("patron_number")).isEqualTo(number);
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(row.get("dated")).isEqualTo(true);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = :id AND action = 'PATRON_ERASED'")
                        .param("id", id.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // the mails stay as sent mails about the patron, with nothing of their content
        assertThat(jdbc.sql(
                                "SELECT state || ':' || recipient || ':' || subject || ':' || body FROM outbound_mail WHERE reference_type = 'PATRON' AND reference_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allMatch(mail -> mail.equals("SENT:::"), "blank and sent");
        assertThat(jdbc.sql("SELECT count(*) FROM patron_submission WHERE patron_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(mvc.perform(get("/patrons/" + id).with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(number)
                .doesNotContain(lastName);
    }
}
