package fi.celia.celianet.patrons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patron list derives the credentials state in SQL, so that it can filter, count and page on it; the patron page
 * and the search derive it in Java ({@link CredentialsStates}). Over generated patrons with every mix of what the
 * derivation reads (a password, credentials mails in each state and attempt count, letters waiting, printed and
 * posted, a phone code, each way and recipient of the credentials, ties between their times) the two agree.
 */
class PatronListCredentialsStateTest extends IntegrationTest {

    private static final String[] BY = {"EMAIL", "LETTER", "PHONE", "IN_PERSON"};
    private static final String[] TO = {"PATRON", "CONTACT", "GUARDIAN"};
    private static final String[] MAIL_STATES = {"QUEUED", "SENDING", "SENT", "CANCELLED"};
    private static final String[] TEMPLATES = {
        PatronMail.CREDENTIALS,
        PatronMail.CREDENTIALS + "-contact",
        PatronMail.CREDENTIALS + "-guardian",
        PatronMail.RESET
    };
    private static final Instant BASE = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    PatronList list;

    @Autowired
    PatronCredentials credentials;

    @Autowired
    PatronRepository patrons;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theSqlDerivationAgreesWithTheJavaOneOnGeneratedPatrons(long seed) {
        Random random = new Random(seed);
        Organisation library = data.library(TestData.unique("States Library"));
        StaffAccount registrar = data.account(Role.REGISTRAR, library);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(generated(random, library.getId(), registrar.getId()));
        }

        Map<UUID, CredentialsStatus> java = credentials.statuses(patrons.findAllById(ids));
        Map<UUID, String> sql = list.credentialsStates(ids);

        Map<UUID, String> expected = new HashMap<>();
        Set<CredentialsState> seen = EnumSet.noneOf(CredentialsState.class);
        java.forEach((id, status) -> {
            expected.put(
                    id,
                    status.state() == null
                            ? PatronListQuery.NO_CREDENTIALS
                            : status.state().name());
            if (status.state() != null) {
                seen.add(status.state());
            }
        });
        assertThat(sql).isEqualTo(expected);
        assertThat(seen).as("the generated patrons reach every state").isEqualTo(EnumSet.allOf(CredentialsState.class));
        assertThat(expected).containsValue(PatronListQuery.NO_CREDENTIALS);
    }

    /** A patron with a random mix of what the credentials state follows from, written straight to the tables. */
    private UUID generated(Random random, UUID organisation, UUID registrar) {
        UUID id = UUID.randomUUID();
        String by = BY[random.nextInt(BY.length)];
        jdbc.sql(
                        """
                INSERT INTO patron (id, patron_number, birth_date, no_identity_code_reason, first_name, last_name,
                    search_name, email, contact_email, guardian_email, language, channel, eligibility, service_online,
                    service_cd_clubs, consent, credentials_by, credentials_to, organisation_id, registered_by,
                    registered_by_name, registered_at, status, password_hash, password_set_at, phone_code_given_at,
                    updated_at)
                VALUES (:id, 'C' || lpad(nextval('patron_number_seq')::text, 7, '0'), DATE '1950-01-01', 'test',
                    'Tila', 'Testi', 'tila testi', :email, :contactEmail, :guardianEmail, 'fi', :channel, 'VISUAL',
                    true, false, true, :by, :to, :organisation, :registrar, 'Test', :at, :status, :password,
                    :passwordAt, :codeAt, :at)""")
                .param("id", id)
                .param("email", random.nextBoolean() ? "p@example.fi" : null)
                .param("contactEmail", random.nextBoolean() ? "c@example.fi" : null)
                .param("guardianEmail", random.nextBoolean() ? "g@example.fi" : null)
                .param("channel", by.equals("IN_PERSON") || random.nextBoolean() ? "IN_PERSON" : "PHONE")
                .param("by", by)
                .param("to", TO[random.nextInt(TO.length)])
                .param("organisation", organisation)
                .param("registrar", registrar)
                .param("at", Timestamp.from(BASE))
                .param("status", random.nextInt(5) == 0 ? "CLOSED" : "ACTIVE")
                .param("password", random.nextInt(6) == 0 ? "hash" : null)
                .param("passwordAt", Timestamp.from(BASE))
                .param("codeAt", random.nextInt(4) == 0 ? moment(random) : null)
                .update();
        // mails about the patron: at distinct times among themselves (the newest is then one mail), ties with the
        // letters and the phone code allowed
        List<Integer> mailMinutes = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
        Collections.shuffle(mailMinutes, random);
        int mails = random.nextInt(3);
        for (int m = 0; m < mails; m++) {
            String state = MAIL_STATES[random.nextInt(MAIL_STATES.length)];
            jdbc.sql(
                            """
                    INSERT INTO outbound_mail (id, dedupe_key, recipient, language, subject, body, reference_type,
                        reference_id, state, attempts, lease_until, created_at, next_attempt_at, sent_at)
                    VALUES (:id, :key, 'p@example.fi', 'fi', 'Tunnukset', 'Tunnukset', 'PATRON', :patron, :state,
                        :attempts, :lease, :at, TIMESTAMPTZ '2100-01-01 00:00Z', :sentAt)""")
                    .param("id", UUID.randomUUID())
                    .param("key", TEMPLATES[random.nextInt(TEMPLATES.length)] + ":" + UUID.randomUUID())
                    .param("patron", id)
                    .param("state", state)
                    .param("attempts", random.nextInt(4))
                    .param(
                            "lease",
                            state.equals("SENDING") ? Timestamp.from(Instant.parse("2100-01-01T00:00:00Z")) : null)
                    .param("at", Timestamp.from(BASE.plusSeconds(60L * mailMinutes.get(m))))
                    .param("sentAt", state.equals("SENT") ? Timestamp.from(BASE.plusSeconds(3600)) : null)
                    .update();
        }
        List<Integer> letterMinutes = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
        Collections.shuffle(letterMinutes, random);
        int letters = random.nextInt(3);
        for (int l = 0; l < letters; l++) {
            // at most one letter waits: every letter but the last is printed
            boolean printed = l < letters - 1 || random.nextBoolean();
            boolean posted = printed && random.nextBoolean();
            jdbc.sql(
                            """
                    INSERT INTO credential_letter (id, patron_id, kind, requested_at, requested_by, printed_at,
                        printed_by, posted_at, posted_by)
                    VALUES (:id, :patron, :kind, :at, 'test', :printedAt, :printedBy, :postedAt, :postedBy)""")
                    .param("id", UUID.randomUUID())
                    .param("patron", id)
                    .param("kind", random.nextBoolean() ? "LETTER" : "IN_PERSON")
                    .param("at", Timestamp.from(BASE.plusSeconds(60L * letterMinutes.get(l))))
                    .param("printedAt", printed ? Timestamp.from(BASE.plusSeconds(7200)) : null)
                    .param("printedBy", printed ? "test" : null)
                    .param("postedAt", posted ? Timestamp.from(BASE.plusSeconds(9000)) : null)
                    .param("postedBy", posted ? "test" : null)
                    .update();
        }
        return id;
    }

    private static Timestamp moment(Random random) {
        return Timestamp.from(BASE.plusSeconds(60L * (1 + random.nextInt(6))));
    }
}
