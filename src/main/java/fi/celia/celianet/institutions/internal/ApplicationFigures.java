package fi.celia.celianet.institutions.internal;

import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.calendar.WorkingDays;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The queue in figures: how long decisions take, how many wait, how many are late, and the weeks' counts. */
@Service
public class ApplicationFigures {

    private static final List<ApplicationStatus> RUNNING =
            List.of(ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW);

    private final ApplicationRepository applications;
    private final ApplicationClock clock;
    private final JdbcClient jdbc;

    ApplicationFigures(ApplicationRepository applications, ApplicationClock clock, JdbcClient jdbc) {
        this.applications = applications;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public int targetWorkingDays() {
        return clock.targetWorkingDays();
    }

    /** How long applications take now: the median over the decisions of the last 30 days, and how many wait. */
    @Transactional(readOnly = true)
    public JoinEstimate estimate() {
        Instant now = clock.now();
        // Not JPA: a report, a median and a count worked out by the database in one statement.
        return jdbc.sql(
                        """
                SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY working_days_to_decision)
                        FROM institution_application
                        WHERE decided_at >= :from AND decided_at < :to AND working_days_to_decision IS NOT NULL) AS median,
                       (SELECT count(*) FROM institution_application
                        WHERE status IN ('RECEIVED', 'IN_REVIEW', 'WAITING_FOR_APPLICANT')) AS waiting""")
                .param("from", Timestamp.from(now.minus(Duration.ofDays(30))))
                .param("to", Timestamp.from(now.plusSeconds(1)))
                .query((rs, n) -> new JoinEstimate(
                        rs.getObject("median", Double.class), rs.getInt("waiting"), clock.targetWorkingDays()))
                .single();
    }

    /** Applications received and decided per week (Monday to Sunday, Helsinki), the current week last. */
    @Transactional(readOnly = true)
    public List<WeekFigures> weeks(int count) {
        LocalDate thisWeek = Helsinki.dateOf(clock.now()).with(DayOfWeek.MONDAY);
        LocalDate first = thisWeek.minusWeeks(count - 1L);
        int[] received = new int[count];
        int[] decided = new int[count];
        // Not JPA: counts per week, grouped by the database.
        jdbc.sql(
                        """
                SELECT week, sum(received) AS received, sum(decided) AS decided FROM (
                    SELECT date_trunc('week', submitted_at AT TIME ZONE 'Europe/Helsinki')::date AS week,
                           1 AS received, 0 AS decided
                    FROM institution_application WHERE submitted_at >= :from
                    UNION ALL
                    SELECT date_trunc('week', decided_at AT TIME ZONE 'Europe/Helsinki')::date, 0, 1
                    FROM institution_application WHERE decided_at >= :from) happened
                GROUP BY week""")
                .param("from", Timestamp.from(Helsinki.startOfDay(first)))
                .query(rs -> {
                    long index = ChronoUnit.WEEKS.between(first, rs.getObject("week", LocalDate.class));
                    if (index >= 0 && index < count) {
                        received[(int) index] = rs.getInt("received");
                        decided[(int) index] = rs.getInt("decided");
                    }
                });
        List<WeekFigures> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            weeks.add(new WeekFigures(first.plusWeeks(i), received[i], decided[i]));
        }
        return weeks;
    }

    /** The open applications past the target, oldest first. */
    @Transactional(readOnly = true)
    public List<QueueEntry> overdue() {
        Instant now = clock.now();
        return applications.queue(RUNNING, null, null, null, Limit.unlimited()).stream()
                .map(entry -> clock.clocked(entry, now))
                .filter(QueueEntry::overdue)
                .toList();
    }

    /**
     * How many open applications are past the target. The database counts them per submission day and pause; the
     * working days are worked out once per submission day, walking back from today.
     */
    @Transactional(readOnly = true)
    public int overdueCount() {
        Instant now = clock.now();
        LocalDate today = Helsinki.dateOf(now);
        // Not JPA: counts grouped by the database, so no application is loaded to be counted.
        Map<LocalDate, Map<Integer, Integer>> counts = new TreeMap<>(Comparator.reverseOrder());
        jdbc.sql(
                        """
                SELECT (submitted_at AT TIME ZONE 'Europe/Helsinki')::date AS day, paused_working_days AS paused,
                       count(*) AS applications
                FROM institution_application WHERE status IN ('RECEIVED', 'IN_REVIEW')
                GROUP BY 1, 2""")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new TreeMap<>())
                            .put(rs.getInt("paused"), rs.getInt("applications"));
                });
        WorkingDays workingDays = clock.workingDays();
        int target = clock.targetWorkingDays();
        int overdue = 0;
        LocalDate cursor = today;
        int between = 0;
        for (var day : counts.entrySet()) {
            // between = working days in (day, today]
            while (cursor.isAfter(day.getKey())) {
                if (workingDays.isWorkingDay(cursor)) {
                    between++;
                }
                cursor = cursor.minusDays(1);
            }
            for (var paused : day.getValue().entrySet()) {
                if (between - paused.getKey() > target) {
                    overdue += paused.getValue();
                }
            }
        }
        return overdue;
    }
}
