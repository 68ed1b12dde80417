package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.patrons.internal.NewPatron;
import fi.celia.celianet.patrons.internal.PatronChanges;
import fi.celia.celianet.patrons.internal.PatronLifecycle;
import fi.celia.celianet.patrons.internal.PatronRegistration;
import fi.celia.celianet.patrons.internal.PatronRejectedException;
import fi.celia.celianet.shared.FieldProblem;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.StaffPrincipal;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The patron rules hold in the services, whoever calls them; typed dates are read strictly; the search is a form. */
class PatronRulesTest extends IntegrationTest {

    private static final StaffPrincipal STAFF = new StaffPrincipal(
            UUID.randomUUID(), "patron-rules-test-staff", "Test Staff", Role.STAFF, null, "fi", null, true);

    @Autowired
    PatronRegistration registration;

    @Autowired
    PatronLifecycle lifecycle;

    @Test
    void anImpossibleBirthDateIsAFieldErrorWithTheInputKeptAndNothingSaved() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var staff = signIn(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        String reason = TestData.unique("Ulkomainen opiskelija");
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), "", TestData.unique("feb") + "@example.fi");
        fields.set("noIdentityCode", "true");
        fields.set("birthDate", "31.2.2010");
        fields.set("noIdentityCodeReason", reason);
        fields.set("organisationId", library.getId().toString());

        var refused = mvc.perform(post("/patrons").with(staff).params(fields))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("Kirjoita syntymäaika, joka ei ole tulevaisuudessa")
                .contains("value=\"31.2.2010\"")
                .contains("href=\"#birthDate\"");
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE no_identity_code_reason = :r")
                        .param("r", reason)
                        .query(Integer.class)
                        .single())
                .isZero();

        fields.set("birthDate", "28.2.2010");
        var saved = mvc.perform(post("/patrons").with(staff).params(fields))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT birth_date::text FROM patron WHERE no_identity_code_reason = :r")
                        .param("r", reason)
                        .query(String.class)
                        .single())
                .isEqualTo("2010-02-28");
    }

    @Test
    void theRegistrationServiceRefusesWhatBreaksTheRulesAndWritesNothing() {
        LocalDate today = Helsinki.dateOf(Instant.now(clock));
        String childCode = PersonalIdentityCode.of(today.minusYears(10), 'A', 2 + (int) (Math.random() * 800));
        var child = new NewPatron(
                PersonalIdentityCode.parse(childCode),
                false,
                null,
                null,
                "Lasse",
                "Lapsi",
                null,
                null,
                null,
                "fi",
                "PHONE",
                "READING",
                true,
                true,
                true,
                "IN_PERSON",
                null,
                null,
                "+358 40 1",
                null,
                "PATRON",
                null,
                null,
                null,
                false,
                data.library(TestData.unique("Library")).getId());

        var rejected = catchThrowableOfType(
                PatronRejectedException.class,
                () -> registration.register(child, UUID.randomUUID().toString(), true, STAFF));

        assertThat(rejected.problems())
                .extracting(FieldProblem::field)
                .containsExactly(
                        "credentialsBy",
                        "streetAddress",
                        "postalCode",
                        "city",
                        "contactName",
                        "guardianName",
                        "guardianPhone",
                        "guardianConsent");
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                        .param("c", TestSealing.index(childCode))
                        .query(Integer.class)
                        .single())
                .isZero();

        var registrar = new StaffPrincipal(
                UUID.randomUUID(),
                "patron-rules-test-registrar",
                "Test Registrar",
                Role.REGISTRAR,
                child.organisationId(),
                "fi",
                null,
                true);
        var withoutCode = new NewPatron(
                null,
                true,
                LocalDate.of(1961, 3, 14),
                "Ulkomainen opiskelija",
                "Ada",
                "Ei-koodia",
                "ada@example.fi",
                null,
                null,
                "fi",
                "PHONE",
                "VISUAL",
                true,
                true,
                false,
                "EMAIL",
                null,
                null,
                null,
                null,
                "PATRON",
                null,
                null,
                null,
                false,
                child.organisationId());
        assertThat(catchThrowableOfType(
                                PatronRejectedException.class,
                                () -> registration.register(
                                        withoutCode, UUID.randomUUID().toString(), true, registrar))
                        .problems())
                .containsExactly(new FieldProblem("hetu", "patrons.hetu.error.blankReferToCustomerService"));
    }

    @Test
    void anEditThroughTheServiceIsCheckedLikeTheFormAndChangesNothing() throws Exception {
        UUID id = data.patron(
                "Elli Editoitava",
                null,
                new PostalAddress("Kirjastokatu 2", "00100", "Helsinki"),
                TestData.unique("edit") + "@example.fi",
                true);
        var before = jdbc.sql("SELECT street_address, postal_code, city, service_cd_clubs FROM patron WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();

        var rejected = catchThrowableOfType(
                PatronRejectedException.class,
                () -> lifecycle.update(
                        STAFF,
                        id,
                        null,
                        new PatronChanges(
                                null,
                                null,
                                new PostalAddress(null, null, "Espoo"),
                                "fi",
                                true,
                                true,
                                null,
                                null,
                                null,
                                null,
                                "CONTACT",
                                "EMAIL",
                                null,
                                null,
                                null,
                                false)));

        assertThat(rejected.problems())
                .extracting(FieldProblem::field)
                .containsExactly("contactEmail", "streetAddress", "postalCode");
        assertThat(jdbc.sql("SELECT street_address, postal_code, city, service_cd_clubs FROM patron WHERE id = :id")
                        .param("id", id)
                        .query()
                        .singleRow())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM patron_history WHERE patron_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aControlCharacterInTheSearchIsAnErrorAtTheFieldAndASearchStillFinds() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var refused = mvc.perform(post("/patrons/search").with(session).param("q", "Aino\u0000"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("class=\"error-message\" id=\"q-error\"")
                .contains("Poista kentästä näkymättömät ohjausmerkit.")
                .contains("aria-invalid=\"true\"")
                .doesNotContain("id=\"results\"");

        assertThat(mvc.perform(get("/patrons").with(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("id=\"q-error\"");
        var found = PatronFixtures.search(mvc, session, "  nobody-at-all  ", null);
        assertThat(found)
                .contains("id=\"results\"")
                .contains("value=\"nobody-at-all\"")
                .doesNotContain("id=\"q-error\"");
    }
}
