package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.CurrentWindow;
import fi.celia.celianet.maintenance.MaintenanceWindow;
import fi.celia.celianet.maintenance.MaintenanceWindows;
import fi.celia.celianet.maintenance.internal.ServiceChannels;
import fi.celia.celianet.maintenance.internal.Snapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/status}: which services are open now and the announced or running windows, for reader apps
 * and library websites. Public, cacheable for 30 seconds, with an ETag so an unchanged status costs a 304.
 * The Cache-Control header is set here, so Spring Security's default {@code no-store} is not written.
 * <p>
 * Every reader app polls the same answer, so it is worked out at most once a second (and at once after a
 * window changes on this instance) rather than once a request.
 */
@RestController
class StatusController {

    private static final DateTimeFormatter OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    private final MaintenanceWindows windows;
    private final ServiceChannels channels;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Snapshot<Answer> latest;

    StatusController(MaintenanceWindows windows, ServiceChannels channels, JsonMapper json, Clock clock) {
        this.windows = windows;
        this.channels = channels;
        this.json = json;
        this.clock = clock;
    }

    @CrossOrigin(origins = "*", methods = RequestMethod.GET)
    @GetMapping("/api/status")
    ResponseEntity<String> status() {
        Answer answer = current();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)))
                .eTag(answer.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    private Answer current() {
        Instant now = Instant.now(clock);
        long changes = windows.changes();
        Snapshot<Answer> snapshot = latest;
        if (snapshot == null || !snapshot.freshAt(now, changes)) {
            String body = body();
            snapshot = new Snapshot<>(now, changes, new Answer(body, etag(body)));
            latest = snapshot;
        }
        return snapshot.value();
    }

    private String body() {
        MaintenanceWindows.Status status = windows.status();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> services = new LinkedHashMap<>();
        for (ClosableService service : ClosableService.values()) {
            services.put(camel(service.name()), status.closed().contains(service) ? "closed" : "open");
        }
        body.put("services", services);
        body.put("windows", status.windows().stream().map(this::window).toList());
        return json.writeValueAsString(body);
    }

    private record Answer(String body, String etag) {}

    private Map<String, Object> window(CurrentWindow current) {
        MaintenanceWindow w = current.window();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.id().toString());
        out.put("state", current.state().name());
        out.put("startsAt", offset(w.startsAt()));
        out.put("endsAt", offset(w.effectiveEnd()));
        out.put("services", w.services().stream().map(s -> camel(s.name())).toList());
        out.put(
                "openChannels",
                w.openChannels().stream()
                        .map(ContactChannel::name)
                        .map(c -> c.toLowerCase(Locale.ROOT))
                        .toList());
        // Where each open channel is reached (an address, a number), so an app can show it as it is.
        Map<String, String> contacts = new LinkedHashMap<>();
        for (ContactChannel channel : w.openChannels()) {
            if (!channels.address(channel).isEmpty()) {
                contacts.put(channel.name().toLowerCase(Locale.ROOT), channels.address(channel));
            }
        }
        out.put("contacts", contacts);
        Map<String, String> title = new LinkedHashMap<>();
        Map<String, String> message = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            title.put(language, w.title(language));
            message.put(language, w.message(language));
        }
        out.put("title", title);
        out.put("message", message);
        return out;
    }

    static String offset(Instant instant) {
        return OFFSET.format(Helsinki.at(instant));
    }

    /** {@code PASSWORD_RESET} → {@code passwordReset}. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String etag(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
