package fi.celia.celianet.sealing;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar celianet.jar rotate-keys}: re-seals every sealed value under the current data keys, batch by
 * batch, saying its progress in the log. Run it after putting a new key first in {@code CELIANET_DATA_KEYS} (and
 * restarting the application with the same setting, so it seals new values with the new key and still opens the
 * old ones); the application keeps serving meanwhile. Interrupted, it is run again and goes on from where it was.
 * When it says every value is under the current keys, the old keys can be removed from the setting.
 */
@Component
@ConditionalOnProperty(name = "celianet.command", havingValue = RotateKeysCommand.NAME)
class RotateKeysCommand implements ApplicationRunner {

    static final String NAME = "rotate-keys";

    private static final Logger log = LoggerFactory.getLogger(RotateKeysCommand.class);

    private final List<KeyRotation> rotations;
    private final DataSealing sealing;
    private final int batchSize;
    private final Duration pause;

    RotateKeysCommand(
            List<KeyRotation> rotations,
            DataSealing sealing,
            @Value("${celianet.rotate-keys.batch-size:500}") int batchSize,
            @Value("${celianet.rotate-keys.pause:0s}") Duration pause) {
        this.rotations = rotations;
        this.sealing = sealing;
        this.batchSize = batchSize;
        this.pause = pause;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        log.info(
                "rotate-keys: re-sealing under seal key {} and index key {}",
                sealing.currentSealKey(),
                sealing.currentIndexKey());
        for (KeyRotation rotation : rotations) {
            long total = rotation.remaining();
            long done = 0;
            log.info("rotate-keys: {}: {} to re-seal", rotation.description(), total);
            int rotated;
            while ((rotated = rotation.rotateBatch(batchSize)) > 0) {
                done += rotated;
                log.info("rotate-keys: {}: {} of {} re-sealed", rotation.description(), done, total);
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        }
        log.info("rotate-keys: every sealed value is under the current keys; older keys can be removed");
    }
}
