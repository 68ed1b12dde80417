package fi.celia.celianet.notifications.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Under the demo profile, with no SMTP_HOST configured, an embedded GreenMail server takes the mail, so
 * the demo works without any other service. The mail is readable at /admin/mail.
 */
@Component
@Profile("demo")
@ConditionalOnExpression("'${SMTP_HOST:}'.isEmpty()")
class DemoMailServer implements SmartLifecycle {

    private final GreenMail greenMail;
    private boolean running;

    DemoMailServer(@Value("${" + DemoMailPort.PORT + "}") int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
