package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fi.celia.celianet.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Tests in a real, headless Chromium from Debian's packages, driven by the system chromedriver (nothing is
 * downloaded). Where Chromium is missing they are skipped with one loud line, except under CI=true, where
 * they fail. On failure a screenshot and the page's HTML go to target/browser-failures/.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path FAILURES = Path.of("target/browser-failures");

    /** Accessibility rules checked on every page; impact serious or critical fails the test. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    /**
     * The justified exceptions, in one place. Each with its reason.
     * (None so far.)
     */
    static final List<String> AXE_EXCEPTIONS = List.of();

    protected static WebDriver browser;

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            saveEvidence(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "BROWSER TESTS SKIPPED: Chromium is not installed (apt-get install chromium chromium-driver).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message.replace("SKIPPED", "CANNOT RUN") + " Under CI=true they must run.");
            }
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        if (browser == null) {
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,900",
                    "--user-data-dir=" + tempDir());
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
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
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
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
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(old));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Signs in through the form, typing as a person would. */
    protected void signInAs(String username, String password) {
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        andWait(() -> find("#password").submit());
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    /** Runs axe-core on the current page; fails on any serious or critical violation. */
    protected void assertAccessible(String what) {
        Results results = new AxeBuilder().withTags(AXE_TAGS).disableRules(AXE_EXCEPTIONS).analyze(browser);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        if (!serious.isEmpty()) {
            saveEvidence("axe-" + what.replaceAll("\\W+", "-"));
        }
        assertThat(serious).as(() -> "axe violations on " + what + ":\n" + serious.stream()
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
        assertNoHorizontalScrollAt320(what);
    }

    /** Reflow: at 320 CSS px the page scrolls only vertically. */
    private void assertNoHorizontalScrollAt320(String what) {
        var size = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320 + chromeFrame(), 800));
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        browser.manage().window().setSize(size);
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at 320 px on " + what).isLessThanOrEqualTo(0);
    }

    private int chromeFrame() {
        Object inner = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.outerWidth - window.innerWidth;");
        return ((Number) inner).intValue();
    }

    private static void saveEvidence(String name) {
        if (browser == null) {
            return;
        }
        try {
            Files.createDirectories(FAILURES);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), FAILURES.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
