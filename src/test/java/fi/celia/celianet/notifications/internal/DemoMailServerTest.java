package fi.celia.celianet.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A second demo on the same machine finds port 3025 taken: its mail server and sender move to a free port. */
class DemoMailServerTest {

    @Test
    void whenThePortIsTakenTheServerTakesAFreeOneAndTheSenderFollowsIt() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var sender = new JavaMailSenderImpl();
            var server = new DemoMailServer(taken.getLocalPort(), sender);
            server.start();
            try {
                assertThat(server.isRunning()).isTrue();
                assertThat(sender.getPort()).isNotEqualTo(taken.getLocalPort()).isPositive();
                assertThat(sender.getHost()).isEqualTo("127.0.0.1");
                var mail = new SimpleMailMessage();
                mail.setFrom("noreply@celianet.invalid");
                mail.setTo("someone@example.fi");
                mail.setSubject("Demo");
                mail.setText("Delivered to the port the server got.");
                assertThatCode(() -> sender.send(mail)).doesNotThrowAnyException();
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aFreePortIsUsedAsConfigured() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var sender = new JavaMailSenderImpl();
        var server = new DemoMailServer(port, sender);
        server.start();
        try {
            assertThat(sender.getPort()).isEqualTo(port);
        } finally {
            server.stop();
        }
    }
}
