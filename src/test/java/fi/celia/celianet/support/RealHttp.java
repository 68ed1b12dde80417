package fi.celia.celianet.support;

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

/**
 * A plain HTTP client with cookies against the running application: real error pages, real redirects, real
 * sessions. Forms are posted with the CSRF token the page carried, like a browser without JavaScript.
 */
public class RealHttp {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient client;
    private final String base;

    public RealHttp(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** GETs {@code formPage}, takes its CSRF token and POSTs the fields to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        String page = get(formPage).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("No CSRF token on " + formPage);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1) != null ? m.group(1) : m.group(2));
        return post(action, all);
    }

    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        return post(path, fields);
    }

    public HttpResponse<String> signIn(String username, String password) {
        var response = submit("/login", "/login", Map.of("username", username, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (location.contains("/login")) {
            throw new AssertionError("Sign-in failed for " + username);
        }
        return response;
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30))
                            .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
