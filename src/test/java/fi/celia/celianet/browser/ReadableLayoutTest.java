package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.institutions.BusinessId;
import fi.celia.celianet.institutions.InstitutionApplications;
import fi.celia.celianet.institutions.NewApplication;
import fi.celia.celianet.institutions.Registrar;
import fi.celia.celianet.shared.PostalAddress;
import fi.celia.celianet.staff.OrganisationType;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages read at a glance at 1,280 px: table headers and cells break only between words, and each radio button and
 * checkbox has its label beside it on the same line.
 */
class ReadableLayoutTest extends BrowserTest {

    @Autowired
    InstitutionApplications applications;

    @Test
    void tablesOfTheQueueTheSearchAndTheHomePagesBreakNoWord() {
        applications.submit(new NewApplication(
                UUID.randomUUID().toString(),
                "Vastaanottavan kunnan pääkirjasto " + letters(),
                OrganisationType.LIBRARY,
                businessId(),
                null,
                "Kaisa Kontakti",
                TestData.unique("kontakti").toLowerCase() + "@example.fi",
                "040 123 4567",
                new PostalAddress("Kirjastokatu 1", "00100", "Helsinki"),
                null,
                "fi",
                null,
                List.of(new Registrar("Maija Main", TestData.unique("maija").toLowerCase() + "@example.fi"))));
        signInAs(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        for (String language : List.of("sv", "fi")) {
            open("/institutions/applications?lang=" + language);
            assertLanguage(language);
            assertThat(browser.findElements(By.cssSelector("main table td"))).isNotEmpty();
            assertNoWordSplitInTables("application queue " + language);
            assertAccessible("application queue " + language);
            open("/?lang=" + language);
            assertThat(browser.findElements(By.cssSelector("main table th"))).isNotEmpty();
            assertNoWordSplitInTables("service staff home " + language);
        }

        browser.manage().deleteAllCookies();
        // Names as people write them: words with spaces between (the generated test names join theirs with hyphens).
        var library = data.library("Kallion kirjasto " + letters());
        String lastName = "Vastaanottaja" + letters();
        data.patron("Aino Asiakasnumeroinen " + lastName, library, null, null, false);
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        for (String language : List.of("sv", "fi")) {
            open("/?lang=" + language);
            assertThat(browser.findElements(By.cssSelector("main table td"))).isNotEmpty();
            assertNoWordSplitInTables("registrar home " + language);
            assertAccessible("registrar home " + language);
            open("/patrons");
            typeInto("#q", lastName);
            submitWith("form[role=search] button[type=submit]");
            assertThat(find("#results table").getText()).contains(lastName);
            assertNoWordSplitInTables("patron search results " + language);
            assertAccessible("patron search results " + language);
        }
    }

    @Test
    void eachRadioAndCheckboxHasItsLabelOnItsLine() {
        var library = data.library(TestData.unique("Library"));
        signInAs(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        for (String language : List.of("sv", "fi")) {
            open("/patrons/new?lang=" + language);
            assertLanguage(language);
            for (String control : List.of(
                    "input[type=radio][name=language]",
                    "input[type=radio][name=eligibility]",
                    "input[type=checkbox][name=services]",
                    "input[type=checkbox][name=consent]")) {
                for (var input : browser.findElements(By.cssSelector(control))) {
                    String verdict = (String) script(
                            """
                            var input = arguments[0];
                            var label = document.querySelector('label[for="' + input.id + '"]');
                            if (!label) return 'no label for #' + input.id;
                            var i = input.getBoundingClientRect(), l = label.getBoundingClientRect();
                            var sameLine = i.top < l.bottom && l.top < i.bottom;
                            var beside = l.left >= i.right;
                            return sameLine && beside ? 'beside' : '#' + input.id + ' at ' + JSON.stringify(i)
                                + ', its label "' + label.textContent.trim() + '" at ' + JSON.stringify(l);
                            """,
                            input);
                    assertThat(verdict)
                            .as(control + " on the form in " + language)
                            .isEqualTo("beside");
                }
            }
            assertAccessible("registration form " + language);
        }
        open("/patrons/new?lang=fi");
    }

    /**
     * Every word of every visible table header and cell lies on one line: a word (text split at white space and
     * after hyphens, where a line may break) whose client rectangles stand at different heights is broken inside its
     * letters.
     */
    private void assertNoWordSplitInTables(String what) {
        @SuppressWarnings("unchecked")
        List<String> split = (List<String>)
                script(
                        """
                var split = [];
                document.querySelectorAll('main th, main td').forEach(function (cell) {
                  var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                    var parent = node.parentElement;
                    if (parent.closest('.visually-hidden') || parent.getClientRects().length === 0) continue;
                    var word = /[^\\s\\-\\u2010\\u2013]+/g, m;
                    while ((m = word.exec(node.data)) !== null) {
                      var range = document.createRange();
                      range.setStart(node, m.index);
                      range.setEnd(node, m.index + m[0].length);
                      var tops = Array.from(range.getClientRects())
                        .filter(function (r) { return r.width > 0; })
                        .map(function (r) { return r.top; });
                      if (tops.length > 1 && Math.max.apply(null, tops) - Math.min.apply(null, tops) > 2) {
                        split.push(m[0] + ' in <' + cell.tagName.toLowerCase() + '> '
                          + cell.textContent.trim().substring(0, 60));
                      }
                    }
                  }
                });
                return split;
                """);
        assertThat(split)
                .as("words broken across lines in the tables of " + what)
                .isEmpty();
    }

    private static String businessId() {
        while (true) {
            try {
                return BusinessId.withCheckDigit(
                        "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000)));
            } catch (IllegalArgumentException remainderOne) {
                // try another
            }
        }
    }
}
