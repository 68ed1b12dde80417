package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.SecondFactorRoles;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestMail;
import fi.celia.celianet.support.TestTotp;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The second sign-in step in a real browser, with every role asked for it: a passkey made and used with Chromium's
 * virtual authenticator, an authenticator app and a recovery code with the page's scripts switched off, and a wrong
 * code.
 */
class SecondFactorJourneyTest extends BrowserTest {

    private static final String SECOND_STEP = "/sign-in/second-factor";

    @Autowired
    SecondFactorRoles roles;

    @Autowired
    CredentialTokens tokens;

    private VirtualAuthenticator authenticator;

    @BeforeEach
    void everyRoleGivesASecondFactor() {
        roles.set(EnumSet.allOf(Role.class));
    }

    @AfterEach
    void passwordAloneAgain() {
        roles.set(EnumSet.noneOf(Role.class));
        if (authenticator != null) {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
            authenticator = null;
        }
        scripts(true);
    }

    @Test
    void aRegistrarCreatesAPasskeyFromTheMailedLinkAndSignsInWithItLater() {
        authenticator = ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
        StaffAccount registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));

        signInAs(registrar.getUsername(), TestData.PASSWORD);
        assertThat(path()).isEqualTo(SECOND_STEP);
        assertThat(find("#enrolment-needed").isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("nav.main-nav")))
                .as("no navigation before the second step")
                .isEmpty();
        assertAccessible("second step, nothing enrolled");

        submitWith("#send-enrolment-link");
        assertThat(path()).isEqualTo(SECOND_STEP);
        assertThat(find(".flash").getText()).contains("Linkki on matkalla sähköpostiisi");
        // the account's own address (where its invitation went too) gets one enrolment link
        String link = Awaitility.await()
                .atMost(mailWait())
                .until(() -> enrolmentLinks(registrar.getEmail()), links -> !links.isEmpty())
                .get(0);
        assertThat(enrolmentLinks(registrar.getEmail())).containsExactly(link);

        open(link);
        assertAccessible("enrolment link page");
        submitWith("#open-enrolment");
        assertThat(path()).isEqualTo("/sign-in/enrol");
        // the button is in the page hidden; the script shows it where the browser has passkeys
        WebElement create = shown("#passkey-register");
        assertThat(create.getText()).isEqualTo("Luo pääsyavain");
        assertAccessible("enrolment page");
        tabTo(create);
        andWait(() -> press(Keys.ENTER));

        assertThat(path()).isEqualTo("/sign-in/enrol/passkey");
        List<String> codes = browser.findElements(By.cssSelector("#recovery-codes code")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code)
                .isNotBlank());
        assertAccessible("recovery codes after a passkey");
        submitWith("#continue");
        andWait(() -> find("nav.main-nav a[href='/patrons']").click());
        assertThat(path()).isEqualTo("/patrons");
        assertThat(find("form[role=search] #q").isDisplayed()).isTrue();
        assertThat(passkeys(registrar.getUsername())).isEqualTo(1);

        andWait(() -> find("form.logout button").click());
        assertThat(browser.getCurrentUrl()).endsWith("/login?logout");

        // signed out, the patron search asks for the sign-in, and is where both steps lead
        open("/patrons");
        assertThat(path()).isEqualTo("/login");
        typeInto("#username", registrar.getUsername());
        typeInto("#password", TestData.PASSWORD);
        andWait(() -> press(Keys.ENTER));
        assertThat(path()).isEqualTo(SECOND_STEP);
        assertThat(browser.findElements(By.id("code"))).as("no app enrolled").isEmpty();
        WebElement use = shown("#passkey-sign-in");
        assertThat(use.getText()).isEqualTo("Käytä pääsyavainta");
        assertAccessible("second step with a passkey");
        tabTo(use);
        andWait(() -> press(Keys.ENTER));

        assertThat(path()).isEqualTo("/patrons");
        assertThat(find("form[role=search] #q").isDisplayed()).isTrue();
        assertThat(find(".signed-in-as").getText()).contains(registrar.getDisplayName());
        assertThat(passkeys(registrar.getUsername())).isEqualTo(1);
        assertThat(audit(registrar.getUsername(), "SECOND_FACTOR_ENROLLED", "SUCCESS"))
                .containsExactly("passkey");
        assertThat(audit(registrar.getUsername(), "SECOND_FACTOR", "SUCCESS")).containsExactly("passkey");
    }

    @Test
    void anAdministratorUsesAnAuthenticatorAppAndARecoveryCodeWithoutScripts() {
        StaffAccount admin = data.account(Role.ADMIN, null);
        scripts(false);

        signInAs(admin.getUsername(), TestData.PASSWORD);
        assertThat(path()).isEqualTo(SECOND_STEP);
        open("/sign-in/enrol/" + tokens.issue(TokenPurpose.STAFF_SECOND_FACTOR, admin.getId()));
        submitWith("#open-enrolment");
        assertThat(path()).isEqualTo("/sign-in/enrol");
        assertThat(find("#passkey-register").isDisplayed())
                .as("without scripts the passkey button stays hidden")
                .isFalse();
        assertAccessibleWithoutScripts("enrolment page without scripts");
        String secret = find("#secret").getText();
        typeInto("#code", TestTotp.code(secret, clock.instant()));
        submitWith("#app-submit");

        assertThat(path()).isEqualTo("/sign-in/enrol/app");
        List<String> codes = browser.findElements(By.cssSelector("#recovery-codes code")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertAccessibleWithoutScripts("recovery codes after an app");
        submitWith("#continue");
        assertThat(path()).isEqualTo("/");
        andWait(() -> find("form.logout button").click());

        // later: the password, then a new code of the app, and the page asked for
        clock.advance(Duration.ofSeconds(31));
        open("/admin/audit");
        assertThat(path()).isEqualTo("/login");
        typeInto("#username", admin.getUsername());
        typeInto("#password", TestData.PASSWORD);
        andWait(() -> press(Keys.ENTER));
        assertThat(path()).isEqualTo(SECOND_STEP);
        assertThat(find("#code").isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("passkey-sign-in")))
                .as("no passkey enrolled")
                .isEmpty();
        assertAccessibleWithoutScripts("second step with an app");
        typeInto("#code", TestTotp.code(secret, clock.instant()));
        andWait(() -> press(Keys.ENTER));
        assertThat(path()).isEqualTo("/admin/audit");
        assertThat(find("nav.main-nav a[href='/admin/audit']").getAttribute("aria-current"))
                .isEqualTo("page");
        andWait(() -> find("form.logout button").click());

        // the helper other journeys use: another session, the next code
        browser.manage().deleteAllCookies();
        signInWithAuthenticatorApp(admin, secret);
        assertThat(path()).isEqualTo("/");
        andWait(() -> find("form.logout button").click());

        // a new session with a recovery code: it tells how many are left
        browser.manage().deleteAllCookies();
        signInAs(admin.getUsername(), TestData.PASSWORD);
        assertThat(path()).isEqualTo(SECOND_STEP);
        typeInto("#recoveryCode", codes.get(4));
        andWait(() -> press(Keys.ENTER));
        assertThat(path()).isEqualTo(SECOND_STEP + "/recovered");
        assertThat(find("#codes-left").getText()).isEqualTo("Varakoodeja on jäljellä 9.");
        assertAccessibleWithoutScripts("recovered page");
        submitWith("#continue");
        open("/admin/audit");
        assertThat(path()).isEqualTo("/admin/audit");

        assertThat(audit(admin.getUsername(), "SECOND_FACTOR_ENROLLED", "SUCCESS"))
                .hasSize(1);
        assertThat(audit(admin.getUsername(), "SECOND_FACTOR", "SUCCESS")).hasSize(2);
        assertThat(audit(admin.getUsername(), "RECOVERY_CODE_USED", "SUCCESS")).hasSize(1);
    }

    @Test
    void aWrongCodeIsShownOnTheSecondStepWithFocusOnTheError() {
        StaffAccount staff = data.account(Role.STAFF, null);
        String secret = enrolAuthenticatorApp(staff);
        browser.manage().deleteAllCookies();
        clock.advance(Duration.ofSeconds(31));

        signInAs(staff.getUsername(), TestData.PASSWORD);
        assertThat(path()).isEqualTo(SECOND_STEP);
        String right = TestTotp.code(secret, clock.instant());
        typeInto("#code", "000000".equals(right) ? "111111" : "000000");
        andWait(() -> press(Keys.ENTER));

        assertThat(browser.getCurrentUrl()).endsWith(SECOND_STEP + "?error");
        WebElement summary = find("#error-summary");
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.getText())
                .isEqualTo("Koodi ei ollut oikein tai se on jo käytetty. "
                        + "Kirjoita koodi, jonka sovellus näyttää nyt.");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> "error-summary".equals(focused().getAttribute("id")));
        assertAccessible("second step with a wrong code");
        // the message links to the code field, marked invalid and empty for the code the app shows now
        assertErrorSummaryFocusedAndLinked();
        assertThat(focused().getAttribute("id")).isEqualTo("code");
        assertFocusVisible();
        assertThat(focused().getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(focused().getAttribute("value")).isEmpty();
        assertThat(audit(staff.getUsername(), "SECOND_FACTOR", "FAILURE")).hasSize(1);

        // a wrong recovery code names the recovery code
        typeInto("#recoveryCode", "aaaa-bbbb-cccc");
        andWait(() -> press(Keys.ENTER));
        assertThat(browser.getCurrentUrl()).endsWith(SECOND_STEP + "?recoveryError");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> "error-summary".equals(focused().getAttribute("id")));
        assertThat(find("#error-summary").getText()).contains("Varakoodi");
        assertAccessible("second step with a wrong recovery code");
        assertErrorSummaryFocusedAndLinked();
        assertThat(focused().getAttribute("id")).isEqualTo("recoveryCode");

        // and the right code still opens the sign-in
        typeInto("#code", right);
        andWait(() -> press(Keys.ENTER));
        assertThat(path()).isEqualTo("/");
        assertThat(find("nav.main-nav").isDisplayed()).isTrue();
    }

    private static List<String> enrolmentLinks(String address) {
        return TestMail.to(address).stream()
                .map(TestMail::linkPath)
                .filter(path -> path.startsWith("/sign-in/enrol/"))
                .toList();
    }

    /** Waits until the page's script has shown the element, and returns it. */
    private WebElement shown(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            WebElement element = find(css);
            return element.isDisplayed() ? element : null;
        });
    }

    /**
     * Checks the page, rendered without its scripts, with axe-core: axe's own script needs timers, so scripts are
     * allowed while it runs (the page's scripts have had their moment: the page stays as rendered without them).
     */
    private void assertAccessibleWithoutScripts(String what) {
        scripts(true);
        try {
            assertAccessible(what);
        } finally {
            scripts(false);
        }
    }

    /** Switches the page's scripts on or off (Chromium's own setting: the test driver's scripts still run). */
    private static void scripts(boolean on) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    private int passkeys(String username) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM user_credentials c
                        JOIN user_entities e ON e.id = c.user_entity_user_id
                        WHERE e.name = :username
                        """)
                .param("username", username)
                .query(Integer.class)
                .single();
    }

    /** The details of the account's audit rows of the action and outcome. */
    private List<String> audit(String actor, String action, String outcome) {
        return jdbc.sql(
                        """
                        SELECT coalesce(details, '') FROM audit_event
                        WHERE actor = :actor AND action = :action AND outcome = :outcome ORDER BY id
                        """)
                .param("actor", actor)
                .param("action", action)
                .param("outcome", outcome)
                .query(String.class)
                .list();
    }
}
