package fi.celia.celianet.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ClosureNotice;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import fi.celia.celianet.support.TestSealing;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A maintenance window that closes registration refuses the save in the service, with the input kept. */
class PatronServiceClosedTest extends IntegrationTest {

    @MockitoSpyBean
    MaintenanceWindows windows;

    @AfterEach
    void open() {
        reset(windows);
    }

    @Test
    void aRegistrationDuringAWindowIsRefusedWith503AndTheInputIsKept() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        Instant now = Instant.now();
        var notice = new ClosureNotice(
                UUID.randomUUID(),
                ClosableService.REGISTRATION,
                Map.of("fi", "Tietokannan päivitys", "sv", "Uppdatering", "en", "Database upgrade"),
                now.minusSeconds(1),
                now.plus(Duration.ofHours(2)),
                Set.of(ContactChannel.EMAIL));
        doReturn(Optional.of(notice)).when(windows).closure(ClosableService.REGISTRATION);
        String code = PatronFixtures.newCode();
        var fields = PatronFixtures.form(UUID.randomUUID().toString(), code, TestData.unique("closed") + "@example.fi");

        var response = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString())
                .contains("Tietokannan päivitys")
                .contains("id=\"service-closed\"")
                .contains("value=\"" + code + "\"")
                .contains("value=\"" + fields.getFirst("lastName") + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM patron WHERE identity_code_index = :c")
                        .param("c", TestSealing.index(code))
                        .query(Integer.class)
                        .single())
                .isZero();

        reset(windows);
        var retry = mvc.perform(post("/patrons").with(session).params(fields))
                .andReturn()
                .getResponse();
        assertThat(retry.getStatus()).isEqualTo(303);
    }

    @Test
    void aPasswordResetDuringAWindowIsRefused() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var session = signIn(data.account(Role.REGISTRAR, library).getUsername(), TestData.PASSWORD);
        var created = mvc.perform(post("/patrons")
                        .with(session)
                        .params(PatronFixtures.form(
                                UUID.randomUUID().toString(),
                                PatronFixtures.newCode(),
                                TestData.unique("closedreset") + "@example.fi")))
                .andReturn()
                .getResponse();
        String page = created.getRedirectedUrl();
        Instant now = Instant.now();
        doReturn(Optional.of(new ClosureNotice(
                        UUID.randomUUID(),
                        ClosableService.PASSWORD_RESET,
                        Map.of("fi", "Katko"),
                        now.minusSeconds(1),
                        now.plus(Duration.ofHours(1)),
                        Set.of())))
                .when(windows)
                .closure(ClosableService.PASSWORD_RESET);
        var response = mvc.perform(post(page + "/password-reset").with(session))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("Katko");
    }
}
