package fi.celia.celianet.notifications.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Under the demo profile, with no SMTP_HOST configured, an embedded GreenMail server takes the mail, so the
 * demo works without any other service; the mail is readable at /admin/mail. It listens on
 * {@code celianet.mail.embedded-smtp-port} (3025), or on a free port when that one is taken (a second demo on
 * the same machine), and points the mail sender at the port it got, saying which in one log line.
 */
@Component
@Profile("demo")
@ConditionalOnExpression("'${SMTP_HOST:}'.isEmpty()")
class DemoMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private final int wantedPort;
    private final JavaMailSenderImpl sender;
    private GreenMail greenMail;

    DemoMailServer(@Value("${celianet.mail.embedded-smtp-port:3025}") int wantedPort, JavaMailSenderImpl sender) {
        this.wantedPort = wantedPort;
        this.sender = sender;
    }

    @Override
    public void start() {
        int port = isFree(wantedPort) ? wantedPort : freePort();
        try {
            greenMail = started(port);
        } catch (IllegalStateException taken) {
            // another demo took it between the check and the start
            port = freePort();
            greenMail = started(port);
        }
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        log.info(
                port == wantedPort
                        ? "Demo mail: embedded SMTP server on port {}"
                        : "Demo mail: port " + wantedPort + " is taken, so the embedded SMTP server is on port {}",
                port);
    }

    private static GreenMail started(int port) {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            server.stop();
            throw new IllegalStateException("port " + port + " is taken", e);
        }
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the demo's mail server", e);
        }
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return greenMail != null && greenMail.isRunning();
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
