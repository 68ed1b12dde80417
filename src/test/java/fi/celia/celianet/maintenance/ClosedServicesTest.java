package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.credentials.CredentialTokens;
import fi.celia.celianet.credentials.TokenPurpose;
import fi.celia.celianet.credentials.TokenState;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.RealHttp;
import fi.celia.celianet.support.TestData;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

class ClosedServicesTest extends IntegrationTest {

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    CredentialTokens tokens;

    @Test
    void theActivationAndResetPagesAnswer503DuringTheWindowAndWorkAgainAtItsEnd() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Salasanat");
        Windows.create(
                windows, start, 6, 2, title, EnumSet.of(ClosableService.PASSWORD_RESET), Set.of(ContactChannel.EMAIL));
        clock.set(Windows.at(start).minusSeconds(1));
        String activation = tokens.issue(TokenPurpose.PATRON_ACTIVATION, UUID.randomUUID());
        String reset = tokens.issue(TokenPurpose.PATRON_RESET, UUID.randomUUID());
        String staff = tokens.issue(TokenPurpose.STAFF_RESET, UUID.randomUUID());

        assertThat(mvc.perform(get("/account/activate/" + activation))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        clock.set(Windows.at(start));
        var closed =
                mvc.perform(get("/account/activate/" + activation)).andReturn().getResponse();
        assertThat(closed.getStatus()).isEqualTo(503);
        assertThat(closed.getContentAsString())
                .contains("Salasanan asettaminen on suljettu huoltokatkon vuoksi (" + title + ")")
                .contains("Katkon aikana voit ottaa yhteyttä:")
                .contains("sähköposti")
                .doesNotContain("name=\"password\"");
        assertThat(closed.getHeader("Retry-After")).isNotBlank();
        assertThat(mvc.perform(get("/account/reset/" + reset))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(503);
        var refusedPost = mvc.perform(post("/account/activate/" + activation)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("password", "a much longer passphrase 42")
                        .param("confirmPassword", "a much longer passphrase 42"))
                .andReturn()
                .getResponse();
        assertThat(refusedPost.getStatus()).isEqualTo(503);
        assertThat(tokens.inspect(activation, Set.of(TokenPurpose.PATRON_ACTIVATION)))
                .isEqualTo(TokenState.VALID);

        // Staff links are not closed by the window.
        assertThat(mvc.perform(get("/password/set/" + staff))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        clock.set(Windows.at(start.plusHours(6)).minusSeconds(1));
        assertThat(mvc.perform(get("/account/activate/" + activation))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(503);
        clock.set(Windows.at(start.plusHours(6)));
        assertThat(mvc.perform(get("/account/activate/" + activation))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/account/reset/" + reset))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void shortCodeEntryClosesWithThePasswordPagesAndTheCodeStaysUsable() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        Windows.create(
                windows,
                start,
                2,
                1,
                Windows.title("Koodit"),
                EnumSet.of(ClosableService.PASSWORD_RESET),
                Set.of(ContactChannel.EMAIL));
        clock.set(Windows.at(start).minusSeconds(1));
        String code = tokens.issueCode(TokenPurpose.PATRON_CODE, UUID.randomUUID());
        clock.set(Windows.at(start));
        assertThat(mvc.perform(get("/activate").param("code", code))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(503);
        var refused = mvc.perform(post("/activate")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("code", code))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString()).doesNotContain("name=\"password\"");
        assertThat(tokens.inspect(code.replace("-", ""), Set.of(TokenPurpose.PATRON_CODE)))
                .isEqualTo(TokenState.VALID);
    }

    @Test
    void theRefusedLinkPageIsARealPageWithTheFactsInTheChosenLanguage() {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Linkki");
        Windows.create(windows, start, 6, 2, title, EnumSet.of(ClosableService.PASSWORD_RESET), Set.of());
        clock.set(Windows.at(start).minusSeconds(1));
        String activation = tokens.issue(TokenPurpose.CUSTOMER_ACTIVATION, UUID.randomUUID());
        clock.set(Windows.at(start.plusHours(1)));
        var response = new RealHttp(port).get("/account/activate/" + activation + "?lang=sv");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .contains("lang=\"sv\"")
                .contains(title + " (sv)")
                .contains("Kundtjänsten kan inte nås under avbrottet.")
                .contains("id=\"maintenance-banner-");
    }

    @Test
    void everyRoleSignsInAndWorksDuringAWindowThatClosesEverything() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        Windows.create(
                windows, start, 6, 2, Windows.title("Kaikki kiinni"), EnumSet.allOf(ClosableService.class), Set.of());
        clock.set(Windows.at(start.plusHours(1)));
        var library = data.library(TestData.unique("Kirjasto"));
        for (Role role : Role.values()) {
            var account = data.account(role, role.belongsToOrganisation() ? library : null);
            var session = signIn(account.getUsername(), TestData.PASSWORD);
            var home = mvc.perform(get("/").with(session)).andReturn().getResponse();
            assertThat(home.getStatus()).as(role.name()).isEqualTo(200);
            assertThat(home.getContentAsString()).contains("Huoltokatko käynnissä");
        }
        var admin = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        assertThat(mvc.perform(get("/admin/maintenance").with(admin))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/admin/staff").with(admin))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        var registrar = new RealHttp(port);
        registrar.signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        assertThat(registrar.get("/").statusCode()).isEqualTo(200);
    }
}
