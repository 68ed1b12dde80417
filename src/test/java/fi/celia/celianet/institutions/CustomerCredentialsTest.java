package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.institutions.internal.CustomerAccounts;
import fi.celia.celianet.staff.Organisation;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An institution's own customer account after its first activation link: service staff send the activation link
 * again while it is not activated and a reset link once it is, from the customer's page; the contact asks for one on
 * the forgotten-password page. Every request is audited, at most three mails an hour go to one account whoever asks,
 * and a refusal is never shown in the success box.
 */
class CustomerCredentialsTest extends IntegrationTest {

    private static final String PASSWORD = "yhteisön oma pitkä salasana";

    @Autowired
    CustomerAccounts customerAccounts;

    @Autowired
    CredentialTokens tokens;

    @Test
    void staffResendTheActivationLinkThenSendAResetLinkOnceTheAccountIsActivated() throws Exception {
        var staff = data.account(Role.STAFF, null);
        var session = signIn(staff.getUsername(), TestData.PASSWORD);
        Customer customer = customer("sv");
        String page = page(session, customer);
        assertThat(page)
                .contains("Ei vielä otettu käyttöön")
                .contains("/account/activation")
                .doesNotContain("/account/reset\"");

        // A reset link for an account that was never activated is refused, in the problem box.
        var refused = mvc.perform(
                        post(customerPath(customer) + "/account/reset").with(session))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(303);
        String refusedPage = page(session, customer);
        assertThat(refusedPage)
                .contains("id=\"flash-problem\"")
                .contains("asiakastiliä ei ole vielä otettu käyttöön")
                .doesNotContain("class=\"flash\"");

        // The activation link again: 303 back to the page, the success box, the mail in the account's language.
        var resent = mvc.perform(
                        post(customerPath(customer) + "/account/activation").with(session))
                .andReturn()
                .getResponse();
        assertThat(resent.getStatus()).isEqualTo(303);
        assertThat(resent.getRedirectedUrl()).isEqualTo(customerPath(customer));
        assertThat(page(session, customer))
                .contains("class=\"flash\"")
                .contains("Linkki lähtee asiakastilin sähköpostiosoitteeseen.")
                .doesNotContain("id=\"flash-problem\"");
        MimeMessage activation = await().atMost(mailWait())
                .until(() -> TestMail.to(customer.email()), l -> l.size() == 1)
                .get(0);
        assertThat(activation.getSubject()).contains("aktivering av kundkontot");
        assertThat(TestMail.body(activation))
                .contains(customer.username())
                .contains("Celias webbibliotek (https://celia.fi)");
        String link = TestMail.linkPath(activation);
        assertThat(link).startsWith("/account/activate/");
        assertThat(audits(customer, "CUSTOMER_ACTIVATION_RESENT", staff.getUsername(), "SUCCESS"))
                .isEqualTo(1);
        assertThat(audits(customer, "CUSTOMER_PASSWORD_RESET_REQUESTED", null, null))
                .isZero();

        // The contact activates the account; the page now offers a reset link and refuses the activation link.
        mvc.perform(post(link).with(csrf()).param("password", PASSWORD).param("confirmPassword", PASSWORD));
        assertThat(page(session, customer))
                .contains("Otettu käyttöön")
                .contains("/account/reset\"")
                .doesNotContain("/account/activation\"");
        mvc.perform(post(customerPath(customer) + "/account/activation").with(session));
        assertThat(page(session, customer))
                .contains("id=\"flash-problem\"")
                .contains("asiakastili on jo otettu käyttöön");

        mvc.perform(post(customerPath(customer) + "/account/reset").with(session));
        MimeMessage reset =
                await().atMost(mailWait()).until(() -> TestMail.to(customer.email()), l -> l.size() == 2).stream()
                        .filter(m -> TestMail.linkPath(m).startsWith("/account/reset/"))
                        .findFirst()
                        .orElseThrow();
        assertThat(TestMail.body(reset)).contains("det nuvarande lösenordet fungerar fortfarande");
        String resetPage = mvc.perform(get(TestMail.linkPath(reset)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(resetPage)
                .contains("<html lang=\"sv\"")
                .contains("Celias webbibliotek")
                .contains(customer.username());
        assertThat(audits(customer, "CUSTOMER_PASSWORD_RESET_REQUESTED", staff.getUsername(), "SUCCESS"))
                .isEqualTo(1);
    }

    @Test
    void atMostThreeLinksAnHourGoToOneAccountWhoeverAsksAndEveryRequestIsAudited() throws Exception {
        var staff = data.account(Role.STAFF, null);
        var session = signIn(staff.getUsername(), TestData.PASSWORD);
        Customer customer = customer("fi");

        mvc.perform(post(customerPath(customer) + "/account/activation").with(session));
        assertThat(page(session, customer)).contains("class=\"flash\"");
        forgot(customer.username().toUpperCase(Locale.ROOT));
        forgot(customer.email().toUpperCase(Locale.ROOT));
        await().atMost(mailWait()).until(() -> TestMail.to(customer.email()).size() == 3);
        assertThat(TestMail.to(customer.email()))
                .allSatisfy(m -> assertThat(TestMail.linkPath(m)).startsWith("/account/activate/"));

        // The fourth, by staff or by the contact, is refused and audited as denied; nothing more is queued.
        mvc.perform(post(customerPath(customer) + "/account/activation").with(session));
        assertThat(page(session, customer))
                .contains("id=\"flash-problem\"")
                .contains("enintään kolme linkkiä tunnissa");
        forgot(customer.username());
        assertThat(audits(customer, "CUSTOMER_ACTIVATION_RESENT", null, "SUCCESS"))
                .isEqualTo(3);
        assertThat(audits(customer, "CUSTOMER_ACTIVATION_RESENT", staff.getUsername(), "DENIED"))
                .isEqualTo(1);
        assertThat(audits(customer, "CUSTOMER_ACTIVATION_RESENT", customer.username(), "DENIED"))
                .isEqualTo(1);
        assertThat(queued(customer)).isEqualTo(3);

        // An hour later the account can be sent a link again.
        clock.advance(Duration.ofMinutes(61));
        mvc.perform(post(customerPath(customer) + "/account/activation").with(session));
        assertThat(queued(customer)).isEqualTo(4);
    }

    @Test
    void theForgottenPasswordPageSendsAnActivatedCustomerAResetLinkAndTellsNothing() throws Exception {
        Customer customer = customer("fi");
        Customer other = customer("fi");
        String token = tokens.issue(TokenPurpose.CUSTOMER_ACTIVATION, customer.id());
        mvc.perform(post("/account/activate/" + token)
                .with(csrf())
                .param("password", PASSWORD)
                .param("confirmPassword", PASSWORD));

        var known = forgot(customer.username().toUpperCase(Locale.ROOT));
        var unknown = forgot("A9999999");
        assertThat(known).isEqualTo(unknown).isEqualTo("/login");
        MimeMessage reset = await().atMost(mailWait())
                .until(() -> TestMail.to(customer.email()), l -> l.size() == 1)
                .get(0);
        assertThat(TestMail.linkPath(reset)).startsWith("/account/reset/");
        assertThat(TestMail.body(reset)).contains("nykyinen salasana toimii edelleen");
        assertThat(audits(customer, "CUSTOMER_PASSWORD_RESET_REQUESTED", customer.username(), "SUCCESS"))
                .isEqualTo(1);
        assertThat(TestMail.to(other.email())).isEmpty();

        String forgotPage =
                mvc.perform(get("/password/forgot")).andReturn().getResponse().getContentAsString();
        assertThat(forgotPage).contains("id=\"customer-accounts\"").contains("asiakasnumero");
    }

    private record Customer(UUID organisationId, UUID id, String username, String email) {}

    private Customer customer(String language) {
        Organisation organisation = data.library(TestData.unique("Hoivakoti"));
        String username = organisation.getCustomerNumber().toLowerCase(Locale.ROOT);
        String email = TestData.unique("yhteiso") + "@example.fi";
        UUID id = customerAccounts.create(organisation.getId(), username, email, language);
        return new Customer(organisation.getId(), id, username, email);
    }

    private static String customerPath(Customer customer) {
        return "/institutions/customers/" + customer.organisationId();
    }

    private String page(RequestPostProcessor session, Customer customer) throws Exception {
        return mvc.perform(get(customerPath(customer)).with(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The forgotten-password page as the contact uses it; returns where it redirects. */
    private String forgot(String typed) throws Exception {
        return mvc.perform(post("/password/forgot").with(csrf()).param("username", typed))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    private int audits(Customer customer, String action, String actor, String outcome) {
        return jdbc.sql(
                        """
                SELECT count(*) FROM audit_event WHERE target_type = 'CUSTOMER_ACCOUNT' AND target_id = :id
                AND action = :action AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome)""")
                .param("id", customer.id().toString())
                .param("action", action)
                .param("actor", actor)
                .param("outcome", outcome)
                .query(Integer.class)
                .single();
    }

    private int queued(Customer customer) {
        return jdbc.sql(
                        "SELECT count(*) FROM outbound_mail WHERE reference_type = 'CUSTOMER_ACCOUNT' AND reference_id = :id")
                .param("id", customer.id())
                .query(Integer.class)
                .single();
    }
}
