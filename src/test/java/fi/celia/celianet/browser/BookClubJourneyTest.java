package fi.celia.celianet.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * Service staff create a club and its calendar; a registrar sees, in Finnish and Swedish, the first delivery a patron
 * joining today would get, subscribes the patron and sees that date confirmed; a patron without the CD service is
 * told why there is no Subscribe button.
 */
class BookClubJourneyTest extends BrowserTest {

    private static final DateTimeFormatter FINNISH = DateTimeFormatter.ofPattern("d.M.yyyy");

    @Test
    void staffCreateAClubAndARegistrarSubscribesAPatron() throws Exception {
        // Service staff: a new club, then its calendar.
        signInAs(data.account(Role.STAFF, null).getUsername(), TestData.PASSWORD);
        open("/bookclubs");
        assertAccessible("club list");
        tabTo("a[href$='/bookclubs/new']");
        andWait(() -> press(Keys.ENTER));
        assertAccessible("new club form");
        submitWith("form.form button[type=submit]");
        assertErrorSummaryFocusedAndLinked();
        assertAccessible("new club form with errors");

        String name = TestData.unique("Kerho");
        typeInto("#nameFi", name);
        typeInto("#nameSv", name + "-sv");
        typeInto("#nameEn", name + "-en");
        typeInto("#descriptionFi", "Dekkareita kuukausittain.");
        tabTo("#leadTimeDays");
        clearFocused();
        press("30");
        submitWith("form.form button[type=submit]");
        assertThat(find(".flash").getText()).contains("Kirjakerho luotiin");
        assertThat(find("h1").getText()).isEqualTo(name);
        assertAccessible("club page, no shipments");

        LocalDate today = Helsinki.dateOf(Instant.now(clock));
        // Production of the first shipment (lead time 30 days) has started already: a new member gets the second.
        LocalDate firstDelivery = today.plusDays(20);
        LocalDate joinersFirst = firstDelivery.plusMonths(1);
        typeDate("#firstDelivery", firstDelivery);
        tabTo("#months");
        clearFocused();
        press("6");
        submitWith("form.form button[type=submit]");
        assertThat(find(".flash").getText()).contains("Lähetykset lisättiin kalenteriin");
        assertThat(browser.findElements(By.cssSelector("table tbody tr"))).hasSize(6);
        assertThat(find("table tbody tr a").getText()).isEqualTo(firstDelivery.format(FINNISH));
        assertAccessible("club page with its calendar");

        // A registrar's patron, registered with the CD service and an address.
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        String patronPath = registerPatron(registrar.getUsername(), "ONLINE", "CD_CLUBS");
        String withoutServicePath = registerPatron(registrar.getUsername(), "ONLINE");

        browser.manage().deleteAllCookies();
        signInAs(registrar.getUsername(), TestData.PASSWORD);
        open(patronPath);
        assertThat(find("#bookclubs-title").getText()).isNotBlank();
        assertThat(firstDeliveryOf(name)).isEqualTo(joinersFirst.format(FINNISH));
        assertThat(find("table.bookclubs-joinable thead").getText())
                .contains("Ensimmäinen toimitus, jos asiakas liittyy tänään");
        assertAccessible("patron page, no clubs");
        open(patronPath + "?lang=sv");
        assertLanguage("sv");
        assertThat(firstDeliveryOf(name + "-sv")).isEqualTo(joinersFirst.format(FINNISH));
        assertThat(find("table.bookclubs-joinable thead").getText())
                .contains("Första leveransen om kunden går med i dag");
        assertThat(find("form[action$='/subscriptions'] button[type=submit]").getText())
                .isEqualTo("Prenumerera");
        assertAccessible("patron page in Swedish, no clubs");

        open(withoutServicePath);
        assertThat(browser.findElements(By.cssSelector("form[action$='/subscriptions']")))
                .isEmpty();
        assertThat(find(".bookclubs-missing").getText())
                .contains("Kunden kan inte gå med i en bokklubb:")
                .contains("kunden har inte tjänsten CD-bokklubbar");
        assertAccessible("patron page in Swedish, no CD service");
        open(withoutServicePath + "?lang=fi");
        assertThat(find(".bookclubs-missing").getText())
                .contains("Asiakas ei voi liittyä kirjakerhoon:")
                .contains("asiakkaalla ei ole CD-kirjakerhopalvelua");
        assertAccessible("patron page, no CD service");

        open(patronPath);
        tabTo("#bookclubs-club");
        press(name);
        assertThat(new Select(find("#bookclubs-club")).getFirstSelectedOption().getText())
                .isEqualTo(name);
        submitWith("form[action$='/subscriptions'] button[type=submit]");

        assertThat(find(".flash").getText()).contains("Asiakas liittyi kirjakerhoon");
        assertThat(find(".bookclubs .notice").getText())
                .isEqualTo(name + ": ensimmäinen lähetys toimitetaan " + joinersFirst.format(FINNISH) + ".");
        assertThat(find(".bookclubs table tbody").getText()).contains(name).contains(joinersFirst.format(FINNISH));
        assertAccessible("patron page, subscribed");
    }

    /** The first-delivery cell of the club's row among the clubs to join. */
    private String firstDeliveryOf(String club) {
        return browser.findElements(By.cssSelector("table.bookclubs-joinable tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("td")).getText().equals(club))
                .map(row -> row.findElements(By.cssSelector("td")).get(1).getText())
                .findFirst()
                .orElseThrow(() -> new AssertionError(club + " is not among the clubs to join"));
    }

    private String registerPatron(String username, String... services) throws Exception {
        var session = signIn(username, TestData.PASSWORD);
        String location = mvc.perform(post("/patrons")
                        .with(session)
                        .param("submissionToken", UUID.randomUUID().toString())
                        .param("hetu", newCode())
                        .param("firstName", "Kalle")
                        .param("lastName", "Kerholainen" + letters())
                        .param("email", TestData.unique("kerho") + "@example.fi")
                        .param("phone", "040 123 4567")
                        .param("streetAddress", "Kirjastokatu 3")
                        .param("postalCode", "00100")
                        .param("city", "Helsinki")
                        .param("language", "fi")
                        .param("channel", "IN_PERSON")
                        .param("eligibility", "VISUAL")
                        .param("services", services)
                        .param("credentialsTo", "PATRON")
                        .param("consent", "true"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/patrons/[0-9a-f-]{36}");
        return location;
    }
}
