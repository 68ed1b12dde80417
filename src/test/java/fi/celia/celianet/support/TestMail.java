package fi.celia.celianet.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) for the whole test run; tests may stop and start it. Every mail it takes is
 * stored once for each envelope recipient, all in one mailbox: GreenMail's own delivery opens a mailbox per
 * address, and its mailbox lookup and creation are linear in the number of mailboxes (a copy-on-write list of
 * folders searched one by one), which makes a run with 100,000 addresses quadratic. The tests read mail by
 * its recipients ({@link #to(String)}, {@link GreenMail#getReceivedMessages()}), never by mailbox.
 */
public final class TestMail {

    private static final int PORT = freePort();
    private static GreenMail server = start();

    private TestMail() {}

    public static int port() {
        return PORT;
    }

    /** Command-line arguments that send another Celianet's mail to this server. */
    public static List<String> applicationArguments() {
        return List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port());
    }

    public static synchronized GreenMail server() {
        return server;
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void restart() {
        server.stop();
        server = start();
    }

    public static synchronized void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The decoded text of a plain-text mail (quoted-printable soft line breaks undone). */
    public static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of the first link in a mail, e.g. {@code /password/set/abc}. */
    public static String linkPath(MimeMessage message) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(/[^\\s]+)").matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("No link in mail: " + body(message));
        }
        return m.group(1);
    }

    private static GreenMail start() {
        var greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            GreenMailUser everyone =
                    greenMail.getUserManager().createUser("everyone@test.invalid", "everyone", "everyone");
            greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> everyone);
        } catch (UserException e) {
            throw new IllegalStateException(e);
        }
        return greenMail;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
