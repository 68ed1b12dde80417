package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class OperationsTest extends IntegrationTest {

    @Test
    void healthIsPublicWithLivenessAndReadiness() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isFound());
        var library = data.library(TestData.unique("Library"));
        mvc.perform(get("/actuator/prometheus")
                        .with(signIn(data.account(Role.MAIN_USER, library).getUsername(), TestData.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")
                        .with(signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void aLineBreakInAUserNameCannotForgeAnAuditLine() throws Exception {
        String name = TestData.unique("evil") + "\r\nSIGN_IN SUCCESS admin";
        mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "whatever it is"));
        var actors = jdbc.sql("SELECT actor FROM audit_event WHERE actor LIKE 'evil%' AND action = 'SIGN_IN'")
                .query(String.class)
                .list();
        assertThat(actors)
                .isNotEmpty()
                .allSatisfy(actor -> assertThat(actor).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void anAdministratorReadsTheAuditTrailWithFilters() throws Exception {
        var admin = data.account(Role.ADMIN, null);
        var session = signIn(admin.getUsername(), TestData.PASSWORD);
        mvc.perform(get("/admin/audit")
                        .param("actor", admin.getUsername())
                        .param("event", "SIGN_IN")
                        .with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(admin.getUsername())))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*<td[^>]*>Kirjautuminen</td>.*")))
                .andExpect(content().string(Matchers.containsString("Onnistui")));
        mvc.perform(get("/admin/audit")
                        .param("outcome", "DENIED")
                        .param("actor", admin.getUsername())
                        .with(session))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(Matchers.not(Matchers.matchesPattern("(?s).*<td[^>]*>Kirjautuminen</td>.*"))));
    }

    @Test
    void anAdministratorSeesOutgoingMailWithoutAnyUsableLink() throws Exception {
        var library = data.library(TestData.unique("Library"));
        var registrar = data.account(Role.REGISTRAR, library);
        var session = signIn(data.account(Role.ADMIN, null).getUsername(), TestData.PASSWORD);
        var id = jdbc.sql("SELECT id FROM outbound_mail WHERE recipient = :r")
                .param("r", registrar.getEmail())
                .query(UUID.class)
                .single();
        mvc.perform(get("/admin/mail").param("q", registrar.getEmail()).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(registrar.getEmail())));
        mvc.perform(get("/admin/mail/{id}", id).with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("[link]")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/password/set/"))));
    }
}
