package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * At 320 CSS px (the screen of a phone, or 1,280 px at 400 % zoom) a data table stacks: each row a block, each cell
 * on its own line under its column's header, and nothing scrolls sideways. Screen readers keep the table.
 */
class StackedTablesTest extends BrowserTest {

    @Test
    void atThreeHundredTwentyPixelsEveryCellShowsItsColumnsHeaderAndNothingScrollsSideways() {
        // A name with long words, which must wrap inside its cell rather than widen the page.
        data.library("Pääkaupunkiseudunkirjastoverkostokeskuskirjasto " + letters() + " Kirjastokatu");
        var registrarLibrary = data.library(TestData.unique("Stacked Library"));
        data.account(Role.REGISTRAR, registrarLibrary);
        signInAs(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        var chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 720, "deviceScaleFactor", 1, "mobile", false));
        try {
            for (String language : List.of("fi", "sv")) {
                for (String page : List.of("/admin/organisations", "/admin/staff", "/admin/audit")) {
                    open(page + "?lang=" + language);
                    assertLanguage(language);
                    new WebDriverWait(browser, Duration.ofSeconds(10))
                            .until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;"))
                                            .intValue()
                                    == 320);
                    String what = page + " at 320 px in " + language;
                    assertThat(((Number) script("return document.documentElement.scrollWidth;")).intValue())
                            .as("width of " + what)
                            .isLessThanOrEqualTo(320);
                    assertEveryCellShowsItsHeader(what);
                    assertAccessible(what);
                }
            }
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Each cell of the page's data tables is a block of its own, with its column's header shown before it. */
    private void assertEveryCellShowsItsHeader(String what) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>)
                script(
                        """
                var problems = [], cells = 0;
                document.querySelectorAll('main table').forEach(function (table) {
                  if (!table.tHead) return;
                  var headers = Array.from(table.tHead.rows[0].cells).map(function (th) {
                    return th.textContent.replace(/\\s+/g, ' ').trim();
                  });
                  if (getComputedStyle(table.tHead).position !== 'absolute') problems.push('header row still shown');
                  Array.from(table.tBodies).forEach(function (body) {
                    Array.from(body.rows).forEach(function (row) {
                      if (row.getAttribute('role') !== 'row') problems.push('row without role row');
                      Array.from(row.cells).forEach(function (cell, i) {
                        cells++;
                        var before = getComputedStyle(cell, '::before');
                        var label = before.content.replace(/^"|"$/g, '');
                        var r = cell.getBoundingClientRect();
                        if (getComputedStyle(cell).display !== 'block') problems.push('cell not stacked: ' + cell.outerHTML.substring(0, 80));
                        if (label !== headers[i]) problems.push('cell ' + i + ' labelled "' + label + '", header "' + headers[i] + '"');
                        if (before.display !== 'block') problems.push('label not on its own line');
                        if (r.right > 320.5) problems.push('cell reaches ' + Math.round(r.right) + ' px: ' + cell.textContent.substring(0, 60));
                        var role = cell.getAttribute('role');
                        if (role !== (cell.tagName === 'TD' ? 'cell' : 'rowheader')) problems.push('cell with role ' + role);
                      });
                    });
                  });
                });
                if (cells === 0) problems.push('no table cells');
                return problems;
                """);
        assertThat(problems).as("stacked cells on " + what).isEmpty();
    }
}
