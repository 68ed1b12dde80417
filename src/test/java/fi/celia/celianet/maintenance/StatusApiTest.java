package fi.celia.celianet.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatusApiTest extends IntegrationTest {

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    JsonMapper json;

    @Test
    void theStatusChangesExactlyAtAnnouncementStartAndEnd() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Siirto");
        UUID id = Windows.create(
                windows,
                start,
                8,
                7,
                title,
                EnumSet.of(ClosableService.PASSWORD_RESET, ClosableService.LENDING),
                Set.of(ContactChannel.EMAIL));
        Instant announce = Windows.at(start.minusDays(7));
        Instant starts = Windows.at(start);
        Instant ends = Windows.at(start.plusHours(8));

        JsonNode before = statusAt(announce.minusSeconds(1));
        assertThat(windowIn(before, id)).isNull();
        assertThat(before.get("services").get("lending").asString()).isEqualTo("open");

        JsonNode announced = statusAt(announce);
        assertThat(windowIn(announced, id).get("state").asString()).isEqualTo("ANNOUNCED");
        assertThat(announced.get("services").get("passwordReset").asString()).isEqualTo("open");
        assertThat(windowIn(statusAt(starts.minusSeconds(1)), id).get("state").asString())
                .isEqualTo("ANNOUNCED");

        JsonNode running = statusAt(starts);
        JsonNode window = windowIn(running, id);
        assertThat(window.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(running.get("services").get("passwordReset").asString()).isEqualTo("closed");
        assertThat(running.get("services").get("lending").asString()).isEqualTo("closed");
        assertThat(running.get("services").get("registration").asString()).isEqualTo("open");
        assertThat(running.get("services").get("institutionSignup").asString()).isEqualTo("open");
        assertThat(statusAt(ends.minusSeconds(1)).get("services").get("lending").asString())
                .isEqualTo("closed");

        JsonNode after = statusAt(ends);
        assertThat(windowIn(after, id)).isNull();
        assertThat(after.get("services").get("lending").asString()).isEqualTo("open");
        assertThat(after.get("services").get("passwordReset").asString()).isEqualTo("open");
    }

    @Test
    void aWindowChangedHereShowsInTheNextPollAndAChangeElsewhereWithinASecond() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        Instant now = Windows.at(start.minusHours(1));
        statusAt(now);

        UUID here = Windows.create(
                windows, start, 8, 7, Windows.title("Täällä"), EnumSet.of(ClosableService.LENDING), Set.of());
        assertThat(windowIn(statusAt(now), here))
                .as("changed on this instance, same second")
                .isNotNull();

        assertThat(windows.cancel(here, "test")).isTrue();
        assertThat(windowIn(statusAt(now), here))
                .as("cancelled on this instance, same second")
                .isNull();

        // Another instance changes the table: this one sees it when its answer is a second old.
        jdbc.sql("UPDATE maintenance_window SET cancelled_at = NULL WHERE id = :id")
                .param("id", here)
                .update();
        assertThat(windowIn(statusAt(now.plusMillis(999)), here)).isNull();
        assertThat(windowIn(statusAt(now.plusSeconds(1)), here)).isNotNull();
    }

    @Test
    void theShapeIsExactlyTheDocumentedOne() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        String title = Windows.title("Muoto");
        UUID id = Windows.create(
                windows,
                start,
                8,
                7,
                title,
                EnumSet.of(ClosableService.PASSWORD_RESET, ClosableService.LENDING),
                EnumSet.of(ContactChannel.EMAIL, ContactChannel.CHAT));
        clock.set(Windows.at(start.plusHours(1)));
        JsonNode status = statusAt(Windows.at(start.plusHours(1)));
        assertThat(names(status)).containsExactly("services", "windows");
        assertThat(names(status.get("services")))
                .containsExactly("registration", "passwordReset", "lending", "institutionSignup");
        JsonNode window = windowIn(status, id);
        assertThat(names(window))
                .containsExactly(
                        "id",
                        "state",
                        "startsAt",
                        "endsAt",
                        "services",
                        "openChannels",
                        "contacts",
                        "title",
                        "message");
        String offset = Windows.at(start).atZone(Helsinki.ZONE).getOffset().getId();
        assertThat(window.get("startsAt").asString()).isEqualTo(start + ":00" + offset);
        assertThat(window.get("endsAt").asString()).isEqualTo(start.plusHours(8) + ":00" + offset);
        assertThat(window.get("services").toString()).isEqualTo("[\"passwordReset\",\"lending\"]");
        assertThat(window.get("openChannels").toString()).isEqualTo("[\"email\",\"chat\"]");
        assertThat(window.get("contacts").toString())
                .as("where the open channels are reached, from celianet.service-channels")
                .isEqualTo("{\"email\":\"asiakaspalvelu@celia.fi\",\"chat\":\"https://www.celia.fi\"}");
        assertThat(window.get("title").get("fi").asString()).isEqualTo(title);
        assertThat(window.get("title").get("sv").asString()).isEqualTo(title + " (sv)");
        assertThat(window.get("title").get("en").asString()).isEqualTo(title);
        assertThat(window.get("message").get("en").asString()).isEqualTo("Message " + title);
        assertThat(window.get("message").get("sv").asString()).isEqualTo("Viesti " + title);
    }

    @Test
    void theAnswerIsCacheableForThirtySecondsWithAnEtag() throws Exception {
        LocalDateTime start = Windows.freshMonday();
        Windows.create(
                windows, start, 8, 7, Windows.title("Välimuisti"), EnumSet.of(ClosableService.LENDING), Set.of());
        clock.set(Windows.at(start.minusHours(1)));

        MockHttpServletResponse first =
                mvc.perform(get("/api/status")).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentType()).startsWith("application/json");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("max-age=30");
        assertThat(first.getHeader("Pragma")).isNull();
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();

        MockHttpServletResponse again = mvc.perform(get("/api/status").header("If-None-Match", etag))
                .andReturn()
                .getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsString()).isEmpty();

        clock.set(Windows.at(start));
        MockHttpServletResponse changed = mvc.perform(get("/api/status").header("If-None-Match", etag))
                .andReturn()
                .getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);

        // And through the real server and the whole filter chain, without signing in.
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/status"))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("max-age=30");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(json.readTree(response.body()).get("services").get("lending").asString())
                .isEqualTo("closed");

        // Library websites may read it from the browser.
        var fromWebsite = mvc.perform(get("/api/status").header("Origin", "https://kirjasto.example.fi"))
                .andReturn()
                .getResponse();
        assertThat(fromWebsite.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    private JsonNode statusAt(Instant at) throws Exception {
        clock.set(at);
        var response = mvc.perform(get("/api/status")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private static JsonNode windowIn(JsonNode status, UUID id) {
        for (JsonNode window : status.get("windows")) {
            if (window.get("id").asString().equals(id.toString())) {
                return window;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
