package fi.celia.celianet.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.celia.celianet.CelianetApplication;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The base of every test that needs the application: one Spring context for the whole run, on a random
 * port, against real PostgreSQL and a real SMTP server.
 */
@SpringBootTest(classes = CelianetApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestSupportConfiguration.class)
public abstract class IntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestData data;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get();
        if (database.mode() != TestDatabase.Mode.CONTAINER) {
            registry.add("spring.datasource.url", database::url);
            registry.add("spring.datasource.username", database::username);
            registry.add("spring.datasource.password", database::password);
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("celianet.mail.poll-interval", () -> "200ms");
        // Signed in with the password alone; the tests of the second factor set the roles (SecondFactorRoles) and
        // reset them after.
        registry.add("celianet.security.second-factor-roles", () -> "");
        // Unset (blank): the session cookie is Secure when the request is, so plain HTTP works in tests and a
        // request from a TLS-terminating proxy gets a Secure cookie (production sends it Secure always).
        registry.add("server.servlet.session.cookie.secure", () -> "");
        registry.add("logging.structured.format.console", () -> "");
    }

    @BeforeEach
    void resetWorld() {
        clock.reset();
        // Tests sign in from one address; one test's failures never throttle the next.
        jdbc.sql("DELETE FROM sign_in_attempt").update();
        TestMail.purge();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Signs in through the real form and returns what makes a request part of that session: its cookie
     * (sessions live in PostgreSQL through Spring Session) and a CSRF token.
     */
    protected RequestPostProcessor signIn(String username, String password) throws Exception {
        var result = mvc.perform(
                        post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn();
        var location = result.getResponse().getRedirectedUrl();
        Cookie cookie = result.getResponse().getCookie("CELIANET_SESSION");
        if (location == null || location.contains("/login") || cookie == null) {
            throw new AssertionError("Sign-in failed for " + username + ": " + location);
        }
        return request -> {
            request.setCookies(cookie);
            return csrf().postProcessRequest(request);
        };
    }

    protected static Duration mailWait() {
        return Duration.ofSeconds(20);
    }
}
