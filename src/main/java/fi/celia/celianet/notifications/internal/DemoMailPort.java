package fi.celia.celianet.notifications.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Under the demo profile with no SMTP_HOST, chooses the embedded mail server's port before the mail sender is
 * made: the configured one ({@code celianet.mail.embedded-smtp-port}, 3025) when it is free, otherwise any free
 * port, so a second demo on the same machine starts too. The mail sender is pointed at the port chosen, and one
 * line says which.
 */
class DemoMailPort implements EnvironmentPostProcessor {

    static final String PORT = "celianet.mail.embedded-smtp-port";

    private final Log log;

    DemoMailPort(DeferredLogFactory logs) {
        this.log = logs.getLog(DemoMailPort.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        String smtpHost = environment.getProperty("SMTP_HOST", "");
        if (!demo || !smtpHost.isBlank()) {
            return;
        }
        int wanted = environment.getProperty(PORT, Integer.class, 3025);
        int port = free(wanted) ? wanted : anyFreePort();
        environment.getPropertySources().addFirst(new MapPropertySource("demoMailPort",
                Map.of(PORT, port, "spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
        log.info(port == wanted ? "Demo mail: embedded SMTP server on port " + port
                : "Demo mail: port " + wanted + " is taken, so the embedded SMTP server takes port " + port);
    }

    private static boolean free(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the demo's mail server", e);
        }
    }
}
