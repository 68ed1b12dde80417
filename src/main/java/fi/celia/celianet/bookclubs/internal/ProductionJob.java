package fi.celia.celianet.bookclubs.internal;

import fi.celia.celianet.bookclubs.Production;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Freezes the member lists of shipments whose production has started; once across instances. */
@Component
class ProductionJob {

    private final Production production;

    ProductionJob(Production production) {
        this.production = production;
    }

    @Scheduled(
            fixedDelayString = "${celianet.bookclubs.freeze-interval}",
            initialDelayString = "${celianet.bookclubs.freeze-initial-delay}")
    @SchedulerLock(name = "bookclubs-freeze", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void freezeDue() {
        production.freezeDue();
    }
}
