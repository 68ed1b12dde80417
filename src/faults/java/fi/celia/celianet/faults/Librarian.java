package fi.celia.celianet.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A librarian at a browser without JavaScript: signs in, opens the registration form and sends it. */
final class Librarian {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(45);

    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private String base;

    Librarian(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same browser (cookies) against another instance behind the load balancer. */
    Librarian switchTo(int port) {
        this.base = "http://localhost:" + port;
        return this;
    }

    CookieManager cookies() {
        return cookies;
    }

    void signIn(String username, String password) {
        String page = get("/login").body();
        var response =
                post("/login", Map.of("username", username, "password", password, "_csrf", hidden(page, "_csrf")));
        if (response.headers().firstValue("Location").orElse("/login").contains("/login")) {
            throw new AssertionError("sign-in failed for " + username);
        }
    }

    /** Opens the form: its CSRF token and its submission token. */
    Map<String, String> openRegistrationForm() {
        String page = get("/patrons/new").body();
        return Map.of("_csrf", hidden(page, "_csrf"), "submissionToken", hidden(page, "submissionToken"));
    }

    HttpResponse<String> register(Map<String, String> form, String hetu, String email) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("hetu", hetu);
        fields.put("firstName", "Vika");
        fields.put("lastName", "Sietokyky");
        fields.put("email", email);
        fields.put("phone", "0401234567");
        fields.put("streetAddress", "Kestävyyskatu 1");
        fields.put("postalCode", "00100");
        fields.put("city", "Helsinki");
        fields.put("language", "fi");
        fields.put("channel", "PHONE");
        fields.put("eligibility", "VISUAL");
        fields.put("consent", "true");
        fields.put("services", "ONLINE");
        fields.put("credentialsTo", "PATRON");
        return post("/patrons", fields);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(REQUEST_TIMEOUT)
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " on the page");
        }
        return m.group(1);
    }
}
