package fi.celia.celianet.institutions;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.browser.BrowserTest;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In a real browser the chart is drawn under the CSP, and the staff home stays accessible. */
class HomeChartBrowserTest extends BrowserTest {

    @Test
    void theChartIsDrawnAndTheHomePageStaysAccessible() throws Exception {
        Applicants.submit(mvc, Applicants.library(TestData.unique("Selainkaavio")));
        signInAs(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        for (String language : new String[] {"fi", "sv", "en"}) {
            open("/?lang=" + language);
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("home-weeks-chart")).isDisplayed());
            Object drawn = ((JavascriptExecutor) browser)
                    .executeScript("var c = document.getElementById('home-weeks-chart');"
                            + "return !!(window.Chart && window.Chart.getChart(c)) && c.width > 0 && c.height > 0;");
            assertThat(drawn).isEqualTo(Boolean.TRUE);
            assertThat(find("#home-weeks-chart").getAttribute("aria-label")).isNotBlank();
            assertThat(find("#home-weeks").isDisplayed()).isTrue();
            assertAccessible("staff home with chart " + language);
        }
    }
}
