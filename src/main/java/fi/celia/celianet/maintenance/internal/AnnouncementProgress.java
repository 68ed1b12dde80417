package fi.celia.celianet.maintenance.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How far the announcement mails of a window have got: queued, sent, and failed (waiting for a retry). */
@Component
public class AnnouncementProgress {

    private final JdbcClient jdbc;

    AnnouncementProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Progress of(UUID windowId) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE state = 'QUEUED' AND last_error IS NULL) AS queued,
                       count(*) FILTER (WHERE state = 'SENT') AS sent,
                       count(*) FILTER (WHERE state = 'QUEUED' AND last_error IS NOT NULL) AS failed
                FROM outbound_mail WHERE reference_type = :type AND reference_id = :id""")
                .param("type", Announcements.REFERENCE_TYPE).param("id", windowId)
                .query((rs, n) -> new Progress(rs.getLong("queued"), rs.getLong("sent"), rs.getLong("failed")))
                .single();
    }

    public record Progress(long queued, long sent, long failed) {

        public long total() {
            return queued + sent + failed;
        }

        public boolean any() {
            return total() > 0;
        }
    }
}
