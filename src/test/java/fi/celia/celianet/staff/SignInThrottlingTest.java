package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in throttling keyed by user name and client address together, and by client address across all names:
 * a stranger's failures never keep an account out from another address.
 */
class SignInThrottlingTest extends IntegrationTest {

    private static String address() {
        var random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private ResultActions attempt(String address, String username, String password) throws Exception {
        return mvc.perform(post("/login")
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .param("username", username)
                .param("password", password));
    }

    @Test
    void aHundredFailuresFromOneAddressDoNotKeepTheAdministratorOutFromAnother() throws Exception {
        var admin = data.account(Role.ADMIN, null);
        String a = address();
        String b = address();
        for (int i = 0; i < 100; i++) {
            attempt(a, admin.getUsername(), "wrong password " + i);
        }
        attempt(b, admin.getUsername(), TestData.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void fromTheFailingAddressAKnownAndAnUnknownNameAreRefusedAlike() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        String unknown = TestData.unique("nobody");
        String a = address();
        for (String name : new String[] {registrar.getUsername(), unknown}) {
            for (int i = 0; i < 5; i++) {
                attempt(a, name, "wrong password!");
            }
        }
        attempt(a, registrar.getUsername(), TestData.PASSWORD).andExpect(redirectedUrl("/login?locked"));
        attempt(a, unknown, TestData.PASSWORD).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login?locked"))
                .andExpect(content().string(Matchers.containsString("Yritä uudelleen 15 minuutin kuluttua")));
    }

    @Test
    void sprayingManyNamesFromOneAddressIsRefusedThereAndNowhereElse() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        String sprayer = address();
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            var result =
                    attempt(sprayer, TestData.unique("name"), "Summer2026!").andReturn();
            if ("/login?locked".equals(result.getResponse().getRedirectedUrl())) {
                refused++;
            }
        }
        // The thirtieth failure says so already, and the ten after it are refused.
        assertThat(refused).isEqualTo(11);
        // The right password of an account that was never tried is refused from that address too...
        attempt(sprayer, registrar.getUsername(), TestData.PASSWORD).andExpect(redirectedUrl("/login?locked"));
        // ...and is let in from any other.
        attempt(address(), registrar.getUsername(), TestData.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void everyThrottlingEventIsAuditedWithoutThePassword() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        String a = address();
        for (int i = 0; i < 7; i++) {
            attempt(a, registrar.getUsername(), "secret-guess-" + i);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :actor AND action = 'SIGN_IN_THROTTLED'")
                        .param("actor", registrar.getUsername())
                        .query(Integer.class)
                        .single())
                .as("the fifth failure, which reached the limit, and the two refused after it")
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :actor AND details LIKE '%secret-guess%'")
                        .param("actor", registrar.getUsername())
                        .query(Integer.class)
                        .single())
                .isZero();

        String sprayer = address();
        for (int i = 0; i < 31; i++) {
            attempt(sprayer, TestData.unique("spray"), "Summer2026!");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_ADDRESS_THROTTLED'"
                                + " AND details LIKE :address")
                        .param("address", "%" + sprayer + "%")
                        .query(Integer.class)
                        .single())
                .as("the thirtieth failure and the one refused after it")
                .isEqualTo(2);
    }

    @Test
    void theAccountListMarksTheLockedAccountsFoundInOneQueryForAll() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var locked = data.account(Role.REGISTRAR, library);
        var open = data.account(Role.REGISTRAR, library);
        String a = address();
        for (int i = 0; i < 5; i++) {
            attempt(a, locked.getUsername(), "wrong password!");
        }
        attempt(a, open.getUsername(), "wrong password!");
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        // the list is paged: each account found by its user name, as an administrator would look for it
        assertThat(stateOf(list(admin, locked.getUsername()), locked.getUsername()))
                .contains("lukittu");
        assertThat(stateOf(list(admin, open.getUsername()), open.getUsername())).doesNotContain("lukittu");
    }

    private Document list(RequestPostProcessor admin, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/staff").param("q", username).with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static String stateOf(Document list, String username) {
        return list.select("tbody tr").stream()
                .filter(row -> row.select("td").get(0).text().equals(username))
                .findFirst()
                .orElseThrow()
                .select("td")
                .get(3)
                .text();
    }

    @Test
    void twentyFailuresAgainstAnAccountShowOnTheAdministratorsHomePage() throws Exception {
        var registrar = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        for (int i = 0; i < 19; i++) {
            attempt(address(), registrar.getUsername(), "wrong password!");
        }
        mvc.perform(get("/").with(admin))
                .andExpect(content().string(Matchers.not(Matchers.containsString(registrar.getUsername()))));
        attempt(address(), registrar.getUsername(), "wrong password!");
        mvc.perform(get("/").with(admin))
                .andExpect(content().string(Matchers.containsString("sign-in-attacks")))
                .andExpect(content().string(Matchers.containsString(registrar.getUsername())))
                .andExpect(content().string(Matchers.containsString(">20<")));
        // A registrar's home page shows no such notice.
        var other = signIn(
                data.account(Role.REGISTRAR, data.library(TestData.unique("Library")))
                        .getUsername(),
                TestData.PASSWORD);
        mvc.perform(get("/").with(other))
                .andExpect(content().string(Matchers.not(Matchers.containsString(registrar.getUsername()))));
    }
}
