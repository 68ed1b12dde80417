package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.patrons.PersonalIdentityCode;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestTotp;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tests in a real, headless Chromium from Debian's packages, driven by the system chromedriver (nothing is
 * downloaded). Where Chromium is missing they are skipped with one loud line, except under CI=true, where
 * they fail. On failure a screenshot and the page's HTML go to target/browser-failures/.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

    /** The browser and its driver: {@code CELIANET_CHROME} and {@code CELIANET_CHROMEDRIVER}, or Debian's paths. */
    static final Path CHROMIUM = Path.of(envOr("CELIANET_CHROME", "/usr/bin/chromium"));

    static final Path CHROMEDRIVER = Path.of(envOr("CELIANET_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static final Path FAILURES = Path.of("target/browser-failures");

    /** Accessibility rules checked on every page; impact serious or critical fails the test. */
    static final List<String> AXE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    /**
     * The justified exceptions, in one place. Each with its reason.
     * (None so far.)
     */
    static final List<String> AXE_EXCEPTIONS = List.of();

    protected static WebDriver browser;

    @Autowired
    private CredentialTokens credentialTokens;

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            saveEvidence(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "BROWSER TESTS SKIPPED: no browser at " + CHROMIUM + " or no driver at " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver, or set CELIANET_CHROME and CELIANET_CHROMEDRIVER).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(
                        message.replace("SKIPPED", "CANNOT RUN") + " Under CI=true they must run.");
            }
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        if (browser == null) {
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                    "--window-size=1280,900",
                    "--user-data-dir=" + tempDir());
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .build();
            browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    browser.quit();
                } catch (RuntimeException ignored) {
                    // the browser is already gone
                }
            }));
        }
    }

    @BeforeEach
    void freshBrowserSession() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        // Headless, the page may not count as focused, and then no :focus style applies; a person's window has focus.
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
    }

    @AfterAll
    static void keepBrowserForNextClass() {
        // One browser for the whole run: starting Chromium costs more than a test.
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    /** Does what leads to a new page (a click, Enter in a form) and waits until the new page has loaded. */
    protected void andWait(Runnable action) {
        WebElement old = find("html");
        action.run();
        // The old page is gone once its root element is; Chromium may say so as a stale element or as a
        // node that "does not belong to the document".
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Signs in through the form with the keyboard alone: Tab to each field, type, Enter. */
    protected void signInAs(String username, String password) {
        open("/login");
        typeInto("#username", username);
        typeInto("#password", password);
        andWait(() -> press(Keys.ENTER));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    // ---- The second sign-in factor (for journeys whose role the setting asks a second factor of) -----------------

    /**
     * Enrols an authenticator app for the account through its pages: signs in with the password ({@link
     * TestData#PASSWORD}), opens an enrolment link issued for the account, types the code computed from the key
     * shown in {@code #secret}. Leaves the browser on the recovery codes page (the sign-in then carries the factor).
     *
     * @return the app's secret (base32), for {@link #signInWithAuthenticatorApp}
     */
    protected String enrolAuthenticatorApp(StaffAccount account) {
        signInAs(account.getUsername(), TestData.PASSWORD);
        assertThat(path()).as("the second step after the password").isEqualTo("/sign-in/second-factor");
        open("/sign-in/enrol/" + credentialTokens.issue(TokenPurpose.STAFF_SECOND_FACTOR, account.getId()));
        submitWith("#open-enrolment");
        assertThat(path()).as("the enrolment page").isEqualTo("/sign-in/enrol");
        String secret = find("#secret").getText();
        typeInto("#code", TestTotp.code(secret, clock.instant()));
        andWait(() -> press(Keys.ENTER));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes code")))
                .as("recovery codes shown after the enrolment")
                .hasSize(10);
        return secret;
    }

    /**
     * Signs in with the password and, on the second step, with the code the account's authenticator app shows at
     * the clock's time: the keyboard alone, as {@link #signInAs}. A code is accepted once, so when the clock still
     * stands in the step of the account's last accepted code it is moved on to the next step first.
     */
    protected void signInWithAuthenticatorApp(StaffAccount account, String secret) {
        signInAs(account.getUsername(), TestData.PASSWORD);
        assertThat(path()).as("the second step after the password").isEqualTo("/sign-in/second-factor");
        Long lastUsed = jdbc.sql("SELECT last_used_step FROM staff_authenticator_app WHERE staff_account_id = :id")
                .param("id", account.getId())
                .query(Long.class)
                .optional()
                .orElse(null);
        long step = Math.floorDiv(clock.instant().getEpochSecond(), 30);
        if (lastUsed != null && step <= lastUsed) {
            clock.advance(Duration.ofSeconds(30 * (lastUsed - step + 1)));
        }
        typeInto("#code", TestTotp.code(secret, clock.instant()));
        andWait(() -> press(Keys.ENTER));
        assertThat(path()).as("past the second step").doesNotStartWith("/sign-in/second-factor");
    }

    /** The path of the page the browser shows, without the query. */
    protected String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    /** Runs axe-core on the current page; fails on any serious or critical violation. */
    protected void assertAccessible(String what) {
        Results results =
                new AxeBuilder().withTags(AXE_TAGS).disableRules(AXE_EXCEPTIONS).analyze(browser);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        if (!serious.isEmpty()) {
            saveEvidence("axe-" + what.replaceAll("\\W+", "-"));
        }
        assertThat(serious)
                .as(() -> "axe violations on " + what + ":\n"
                        + serious.stream()
                                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                                        + r.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
        assertNoHorizontalScrollAt320(what);
        assertTargetSizes(what);
    }

    // ---- Forms filled in by keyboard ------------------------------------------------------------------------------

    /** Fills in the registration form by keyboard, top to bottom. */
    protected void fillPatronForm(String code, String lastName, String email, boolean clear) {
        fill("#hetu", code, clear);
        fill("#firstName", "Aino", clear);
        fill("#lastName", lastName, clear);
        fill("#email", email, true);
        fill("#phone", "040 123 4567", clear);
        fill("#streetAddress", "Kirjastokatu 2 A 5", clear);
        fill("#postalCode", "00100", clear);
        fill("#city", "Helsinki", clear);
        choose("language", "fi");
        choose("channel", "PHONE");
        choose("eligibility", "VISUAL");
        tickIfNot("input[name=services][value=ONLINE]");
        tickIfNot("input[name=services][value=CD_CLUBS]");
        tickIfNot("input[type=checkbox][name=consent]");
    }

    protected void fill(String css, String text, boolean clear) {
        tabTo(css);
        if (clear) {
            clearFocused();
        }
        press(text);
        assertThat(find(css).getAttribute("value")).isEqualTo(text);
    }

    protected void tickIfNot(String css) {
        if (!find(css).isSelected()) {
            tick(css);
        }
    }

    /** A valid identity code of an adult, random enough never to meet another test's. */
    protected static String newCode() {
        var random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(365 * 60));
        return PersonalIdentityCode.of(birth, birth.getYear() >= 2000 ? 'A' : '-', 2 + random.nextInt(898));
    }

    /** Eight random letters, for names no other test uses. */
    protected static String letters() {
        var random = ThreadLocalRandom.current();
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** Types a date into a date field, its parts in the order the browser's locale shows them. */
    protected void typeDate(String css, LocalDate date) {
        typeDateParts(css, date.atStartOfDay(), false);
        assertThat(find(css).getAttribute("value")).as("date typed into " + css).isEqualTo(date.toString());
    }

    /** Types a date and time into a datetime-local field, its parts in the order the browser's locale shows them. */
    protected void typeDateTime(String css, LocalDateTime time) {
        typeDateParts(css, time, true);
        assertThat(find(css).getAttribute("value"))
                .as("date and time typed into " + css)
                .isEqualTo(time.toLocalDate() + "T" + "%02d:%02d".formatted(time.getHour(), time.getMinute()));
    }

    private void typeDateParts(String css, LocalDateTime time, boolean withTime) {
        tabTo(css);
        @SuppressWarnings("unchecked")
        List<String> parts = (List<String>) script(
                """
                var options = {year: 'numeric', month: '2-digit', day: '2-digit'};
                if (arguments[0]) { options.hour = '2-digit'; options.minute = '2-digit'; }
                return new Intl.DateTimeFormat(navigator.language, options).formatToParts(new Date(2001, 1, 3, 14, 5))
                    .filter(p => p.type !== 'literal').map(p => p.type);
                """,
                withTime);
        boolean twelveHours = parts.contains("dayPeriod");
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            int hour12 = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
            press(
                    switch (part) {
                        case "day" -> "%02d".formatted(time.getDayOfMonth());
                        case "month" -> "%02d".formatted(time.getMonthValue());
                        case "year" -> String.valueOf(time.getYear());
                        case "hour" -> "%02d".formatted(twelveHours ? hour12 : time.getHour());
                        case "minute" -> "%02d".formatted(time.getMinute());
                        case "dayPeriod" -> time.getHour() < 12 ? "A" : "P";
                        default -> "";
                    });
            if ("year".equals(part) && i < parts.size() - 1) {
                press(Keys.ARROW_RIGHT); // a year may have more digits: move on by hand
            }
        }
    }

    // ---- Keyboard, focus, targets and language, checked by script -------------------------------------------

    /** Presses keys on whatever has focus, as a person at the keyboard does (no element is clicked). */
    protected void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Empties the focused text field with Ctrl+A and Delete. */
    protected void clearFocused() {
        new Actions(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .sendKeys(Keys.DELETE)
                .perform();
    }

    protected WebElement focused() {
        return browser.switchTo().activeElement();
    }

    protected Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /**
     * Presses Tab (from wherever focus is now) until the element has focus, and checks at every stop that the
     * focus is visible: a computed outline or box-shadow on the focused element.
     */
    protected WebElement tabTo(WebElement target) {
        for (int i = 0; i < 400; i++) {
            String state = (String) script(
                    """
                    var e = document.activeElement, t = arguments[0];
                    if (e === t) return 'reached';
                    if (!e || e === document.body || e === document.documentElement) return 'none';
                    var s = getComputedStyle(e);
                    var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                    var shadow = s.boxShadow && s.boxShadow !== 'none';
                    return outline || shadow ? 'visible' : 'invisible ' + e.outerHTML.substring(0, 200)
                        + ' [focus=' + e.matches(':focus') + ' within=' + e.matches(':focus-within') + ' hasFocus=' + document.hasFocus() + ' outline=' + s.outlineStyle + '/' + s.outlineWidth + ']';
                    """,
                    target);
            if ("reached".equals(state)) {
                assertFocusVisible();
                return target;
            }
            assertThat(state)
                    .as("focus is visible while tabbing on " + browser.getCurrentUrl())
                    .doesNotStartWith("invisible");
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target.getAttribute("outerHTML"));
    }

    protected WebElement tabTo(String css) {
        return tabTo(find(css));
    }

    /** Tabs to a text field and types into it. */
    protected void typeInto(String css, CharSequence... text) {
        tabTo(css);
        press(text);
    }

    /** Tabs to a checkbox and ticks it with Space. */
    protected void tick(String css) {
        tabTo(css);
        assertThat(focused().isSelected()).as(css + " not yet ticked").isFalse();
        press(Keys.SPACE);
        assertThat(find(css).isSelected()).as(css + " ticked").isTrue();
    }

    /** Tabs into a radio group (one tab stop) and moves with the arrow keys until the value is chosen. */
    protected void choose(String name, String value) {
        var radios = browser.findElements(By.cssSelector("input[type=radio][name='" + name + "']"));
        WebElement stop =
                radios.stream().filter(WebElement::isSelected).findFirst().orElse(radios.get(0));
        tabTo(stop);
        if (!stop.isSelected()) {
            press(Keys.SPACE);
        }
        for (int i = 0; i < radios.size() && !value.equals(focused().getAttribute("value")); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertThat(find("input[type=radio][name='" + name + "'][value='" + value + "']")
                        .isSelected())
                .as(name)
                .isTrue();
    }

    /** Tabs to a select and types the first word of the option's text, as a keyboard user picks an option. */
    protected void select(String css, String optionStart) {
        tabTo(css);
        press(optionStart);
        var chosen = new Select(find(css)).getFirstSelectedOption().getText();
        assertThat(chosen).as(css).startsWith(optionStart);
    }

    /** Tabs to the button and presses Enter; waits for the page that answers. */
    protected void submitWith(String buttonCss) {
        tabTo(buttonCss);
        andWait(() -> press(Keys.ENTER));
    }

    /** Focus is visible on the focused element: a computed outline or box-shadow that is not none. */
    protected void assertFocusVisible() {
        Object visible = script(
                """
                var s = getComputedStyle(document.activeElement);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                """);
        assertThat(visible)
                .as("visible focus on " + focused().getAttribute("outerHTML"))
                .isEqualTo(Boolean.TRUE);
    }

    /**
     * A form came back with errors: the error summary has focus, each of its links points to a field that exists,
     * and following the first link by keyboard puts focus in that field.
     */
    protected void assertErrorSummaryFocusedAndLinked() {
        assertThat(focused().getAttribute("id"))
                .as("the error summary has focus")
                .isEqualTo("error-summary");
        var links = browser.findElements(By.cssSelector("#error-summary a"));
        assertThat(links).as("the error summary links to the fields").isNotEmpty();
        for (WebElement link : links) {
            String id = link.getAttribute("hash").substring(1);
            Object exists = script(
                    "var e = document.getElementById(arguments[0]);"
                            + " return e != null && ['INPUT','SELECT','TEXTAREA'].includes(e.tagName);",
                    id);
            assertThat(exists)
                    .as("error summary link #" + id + " points to a field")
                    .isEqualTo(Boolean.TRUE);
        }
        String first = links.get(0).getAttribute("hash").substring(1);
        tabTo(links.get(0));
        press(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> first.equals(focused().getAttribute("id")));
    }

    /** The page's language is declared right. */
    protected void assertLanguage(String code) {
        assertThat(find("html").getAttribute("lang"))
                .as("lang of " + browser.getCurrentUrl())
                .isEqualTo(code);
    }

    /**
     * Target size (WCAG 2.2, 2.5.8): every visible link, button and form control is at least 24 by 24 CSS px,
     * except links inline in the text of a paragraph or a list item (the inline exception).
     */
    protected void assertTargetSizes(String what) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>)
                script(
                        """
                var small = [];
                document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea').forEach(function (e) {
                  if (e.closest('[aria-hidden=true], .visually-hidden')) return;
                  var s = getComputedStyle(e);
                  if (s.display === 'none' || s.visibility === 'hidden') return;
                  var r = e.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) return;
                  if (e.tagName === 'A' && s.display === 'inline' && e.parentElement.closest('p, li')) return;
                  if (r.width < 23.5 || r.height < 23.5) {
                    small.push(Math.round(r.width) + 'x' + Math.round(r.height) + ' ' + e.outerHTML.substring(0, 160));
                  }
                });
                return small;
                """);
        assertThat(small).as("targets smaller than 24x24 px on " + what).isEmpty();
    }

    /** Reflow: at 320 CSS px the page scrolls only vertically. */
    private void assertNoHorizontalScrollAt320(String what) {
        var size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(320 + chromeFrame(), 800));
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        browser.manage().window().setSize(size);
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow at 320 px on " + what)
                .isLessThanOrEqualTo(0);
    }

    private int chromeFrame() {
        Object inner = ((JavascriptExecutor) browser).executeScript("return window.outerWidth - window.innerWidth;");
        return ((Number) inner).intValue();
    }

    private static void saveEvidence(String name) {
        if (browser == null) {
            return;
        }
        try {
            Files.createDirectories(FAILURES);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), FAILURES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(FAILURES.resolve(name + ".html"), browser.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save browser evidence: " + e.getMessage());
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("celianet-chromium").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
