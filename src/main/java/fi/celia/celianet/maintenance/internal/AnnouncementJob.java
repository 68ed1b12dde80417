package fi.celia.celianet.maintenance.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues the announcement sendings an administrator scheduled for a window's announce-from time, once that time
 * has come, counting their audiences again. A window's announce-from time alone sends nothing: it only shows the
 * banner. One instance at a time (ShedLock); the windows themselves start and end without it.
 */
@Component
public class AnnouncementJob {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementJob.class);

    private final Announcements announcements;

    AnnouncementJob(Announcements announcements) {
        this.announcements = announcements;
    }

    @Scheduled(cron = "${celianet.maintenance.announce-cron}")
    @SchedulerLock(name = "maintenance-announcements", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    public void run() {
        int queued = announcements.enqueueDue();
        if (queued > 0) {
            log.info("Queued {} scheduled maintenance announcement mails", queued);
        }
    }
}
