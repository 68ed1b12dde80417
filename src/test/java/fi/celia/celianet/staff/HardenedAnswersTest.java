package fi.celia.celianet.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fi.celia.celianet.support.IntegrationTest;
import fi.celia.celianet.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * What the running server answers over the wire, where MockMvc cannot look: a forged {@code Host}, requests the
 * firewall turns away, a body the container refuses, and the headers a TLS-terminating proxy adds.
 */
class HardenedAnswersTest extends IntegrationTest {

    /** What a browser asks for: an HTML page, errors included. */
    private static final String BROWSER = "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    private WebServerApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/patrons", "/admin/accounts"})
    void aForgedHostIsNeverEchoedInARedirect(String path) throws IOException {
        var answer = exchange("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", null);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContainIgnoringCase("evil.example")
                .endsWith("/login"));
    }

    @Test
    void aFailedSignInRedirectDoesNotEchoAForgedHostEither() throws IOException {
        var login = exchange(get("/login", "localhost"), null);
        String cookie = sessionCookie(login).orElseThrow();
        String form = "username=nobody&password=wrong&_csrf=" + csrfOf(login.body());
        var answer = exchange(
                "POST /login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nCookie: " + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + form.length() + "\r\n\r\n" + form,
                null);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContainIgnoringCase("evil.example")
                .endsWith("/login?error"));
    }

    @Test
    void signingInAfterAForgedHostGoesBackToThePathAlone() throws IOException {
        var account = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        var saved = exchange(get("/patrons", "evil.example"), null);
        assertThat(saved.status()).isEqualTo(302);
        String cookie = sessionCookie(saved).orElseThrow();
        var login = exchange(
                "GET /login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n" + BROWSER + "Cookie: " + cookie
                        + "\r\n\r\n",
                null);
        String form = "username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrfOf(login.body()), StandardCharsets.UTF_8);
        var signedIn = exchange(
                "POST /login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nCookie: " + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + form.length() + "\r\n\r\n" + form,
                null);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContainIgnoringCase("evil.example")
                .startsWith("/patrons"));
    }

    @Test
    void aPageCarriesEverySecurityHeader() throws IOException {
        var answer = exchange(get("/login", "localhost"), null);
        assertThat(answer.status()).isEqualTo(200);
        assertEverySecurityHeader(answer);
    }

    @Test
    void aFormWithoutItsTokenGetsTheForbiddenPageWithEverySecurityHeader() throws IOException {
        String form = "username=x&password=y";
        var answer = exchange(
                "POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + BROWSER
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                        + "\r\n\r\n" + form,
                null);
        assertThat(answer.status()).isEqualTo(403);
        assertEverySecurityHeader(answer);
        assertThat(answer.body()).contains("<html lang=\"fi\"").contains("Ei käyttöoikeutta");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login;x=1", "/login/%2e%2e/login", "/login/%2E%2E/admin"})
    void aRequestTheFirewallRejectsGetsCelianetsErrorPageWithEverySecurityHeader(String path) throws IOException {
        var answer = exchange(get(path, "localhost"), null);
        assertThat(answer.status()).isEqualTo(400);
        assertEverySecurityHeader(answer);
        assertThat(answer.body())
                .contains("<html lang=\"fi\"")
                .contains("Pyyntöä ei voitu käsitellä")
                .doesNotContain("Apache Tomcat")
                .doesNotContain("RequestRejectedException");
    }

    @Test
    void aThreeMegabyteFormIsRefusedWithCelianetsErrorPageAndEverySecurityHeader() throws IOException {
        var login = exchange(get("/login", "localhost"), null);
        String cookie = sessionCookie(login).orElseThrow();
        byte[] body = ("_csrf=" + URLEncoder.encode(csrfOf(login.body()), StandardCharsets.UTF_8)
                        + "&username=x&password=" + "x".repeat(3 * 1024 * 1024))
                .getBytes(StandardCharsets.US_ASCII);
        var answer = exchange(
                "POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + BROWSER + "Cookie: " + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                        + "\r\n\r\n",
                body);
        assertThat(answer.status()).isEqualTo(413);
        assertEverySecurityHeader(answer);
        assertThat(answer.body())
                .contains("<html lang=\"fi\"")
                .contains("Lähetys on liian suuri")
                .doesNotContain("Apache Tomcat");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws IOException {
        var account = data.account(Role.REGISTRAR, data.library(TestData.unique("Library")));
        String proxy = "X-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.7\r\n";
        var login = exchange(
                "GET /login HTTP/1.1\r\nHost: celianet.example\r\nConnection: close\r\n" + proxy + "\r\n", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        String cookie = sessionCookie(login).orElseThrow();

        String form = "username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrfOf(login.body()), StandardCharsets.UTF_8);
        var signedIn = exchange(
                "POST /login HTTP/1.1\r\nHost: celianet.example\r\nConnection: close\r\n" + proxy + "Cookie: "
                        + cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + form.length() + "\r\n\r\n" + form,
                null);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        List<String> sessionCookies = signedIn.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("CELIANET_SESSION="))
                .toList();
        assertThat(sessionCookies).isNotEmpty().allSatisfy(c -> assertThat(c.toLowerCase(Locale.ROOT))
                .contains("; secure"));
        assertThat(signedIn.header("Strict-Transport-Security")).isPresent();
    }

    @Test
    void plainHttpWithoutAProxyGetsNoHsts() throws IOException {
        var answer = exchange(get("/login", "localhost"), null);
        assertThat(answer.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void onlyLoopbackAndPrivateAddressesAreTrustedAsProxies() throws IOException {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        RemoteIpValve valve =
                (RemoteIpValve) Arrays.stream(tomcat.getEngine().getPipeline().getValves())
                        .filter(RemoteIpValve.class::isInstance)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no RemoteIpValve: forwarded headers are not handled"));
        assertThat(valve.getProtocolHeader()).isEqualToIgnoringCase("X-Forwarded-Proto");
        assertThat(valve.getRemoteIpHeader()).isEqualToIgnoringCase("X-Forwarded-For");
        NetMaskSet trusted = NetMaskSet.parse(valve.getInternalProxies());
        assertThat(List.of("127.0.0.1", "10.1.2.3", "192.168.0.10", "172.20.0.2", "::1"))
                .allSatisfy(address ->
                        assertThat(trusted.contains(address)).as(address).isTrue());
        assertThat(List.of("198.51.100.7", "203.0.113.5", "8.8.8.8", "2001:db8::1"))
                .allSatisfy(address ->
                        assertThat(trusted.contains(address)).as(address).isFalse());
    }

    private static void assertEverySecurityHeader(Answer answer) {
        assertThat(answer.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("Referrer-Policy")).isPresent();
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        assertThat(answer.header("Cross-Origin-Opener-Policy")).contains("same-origin");
        assertThat(answer.header("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("camera=()")
                .contains("microphone=()")
                .contains("geolocation=()")
                .contains("payment=()")
                .contains("usb=()")
                .contains("publickey-credentials-get=(self)")
                .contains("publickey-credentials-create=(self)"));
    }

    private static String get(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + BROWSER + "\r\n";
    }

    private static String csrfOf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static Optional<String> sessionCookie(Answer answer) {
        return answer.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("CELIANET_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
    }

    /**
     * One request over a raw socket (so the {@code Host} header and the request line are exactly what is written):
     * the head, then the body from another thread, so an answer the server gives before it has read the body is
     * still read in full.
     */
    private Answer exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            CompletableFuture<Void> writing = body == null
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> {
                        try {
                            for (int i = 0; i < body.length; i += 64 * 1024) {
                                out.write(body, i, Math.min(64 * 1024, body.length - i));
                            }
                            out.flush();
                        } catch (IOException refused) {
                            // the server answered and closed before taking the whole body
                        }
                    });
            Answer answer = read(socket.getInputStream());
            writing.cancel(true);
            return answer;
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(new String[] {
                line.substring(0, colon).trim(), line.substring(colon + 1).trim()
            });
        }
        var answer = new Answer(status, headers, "");
        var content = new ByteArrayOutputStream();
        if (answer.header("Content-Length").isPresent()) {
            content.write(in.readNBytes(
                    Integer.parseInt(answer.header("Content-Length").get())));
        } else if (answer.header("Transfer-Encoding")
                .filter("chunked"::equalsIgnoreCase)
                .isPresent()) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                content.write(in.readNBytes(size));
                line(in);
            }
        } else {
            content.write(in.readAllBytes());
        }
        return new Answer(status, headers, content.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                break;
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private record Answer(int status, List<String[]> headerList, String body) {

        Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        List<String> headers(String name) {
            return headerList.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .toList();
        }
    }
}
