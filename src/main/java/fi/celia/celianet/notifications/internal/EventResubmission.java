package fi.celia.celianet.notifications.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An event whose listener failed (the database connection was cut, say) stays incomplete in the event
 * publication registry; this hands it to its listener again. Listeners are idempotent (the outbox's dedupe
 * key), so a resubmission on two instances at once still makes one mail.
 */
@Component
class EventResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventResubmission(IncompleteEventPublications incomplete,
            @Value("${celianet.events.resubmit-older-than:15s}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${celianet.events.resubmit-interval:15s}", initialDelayString = "${celianet.events.resubmit-interval:15s}")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
