package fi.celia.celianet.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A maintenance window. Its state follows from the times and a moment: see {@link #stateAt}. Only
 * {@link MaintenanceWindows} changes it; everyone else reads it (the banner and the status API share one read
 * between requests, so nothing here is loaded lazily).
 */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends EditedRecord {

    /** How long after the end the "report faults to customer service" notice is shown. */
    public static final Duration AFTER_NOTICE = Duration.ofDays(7);

    @Id
    private UUID id;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "announce_from", nullable = false)
    private Instant announceFrom;

    @Column(name = "title_fi", nullable = false)
    private String titleFi;

    @Column(name = "title_sv")
    private String titleSv;

    @Column(name = "title_en")
    private String titleEn;

    @Column(name = "message_fi")
    private String messageFi;

    @Column(name = "message_sv")
    private String messageSv;

    @Column(name = "message_en")
    private String messageEn;

    @Column(nullable = false)
    private String[] services;

    @Column(name = "open_channels", nullable = false)
    private String[] openChannels;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "ended_early_at")
    private Instant endedEarlyAt;

    /** Bumped by each reschedule and by cancellation; an announcement or update reaches an address once per version. */
    @Column(name = "version", nullable = false)
    private int version;

    /** Written only when a sending is queued, with one update that leaves the edit lock alone. */
    @Column(name = "announced_version", insertable = false, updatable = false)
    private Integer announcedVersion;

    protected MaintenanceWindow() {}

    MaintenanceWindow(UUID id, WindowDetails details, Instant now, String actor) {
        this.id = id;
        this.version = 1;
        created(now, actor);
        apply(details, now, actor);
    }

    /**
     * Saves new details. A change of times or services is a reschedule: it bumps the version, so a window whose
     * announcement was sent can be sent an update. @return whether it was a reschedule
     */
    boolean revise(WindowDetails details, Instant now, String actor) {
        boolean rescheduled = !startsAt.equals(details.startsAt())
                || !endsAt.equals(details.endsAt())
                || !services().equals(details.services());
        apply(details, now, actor);
        if (rescheduled) {
            version++;
        }
        return rescheduled;
    }

    /** Cancels a window that has not started. @return false when it has started, ended or was cancelled already */
    boolean cancel(Instant now, String actor) {
        WindowState state = stateAt(now);
        if (state != WindowState.SCHEDULED && state != WindowState.ANNOUNCED) {
            return false;
        }
        cancelledAt = now;
        version++;
        edited(now, actor);
        return true;
    }

    /** Ends a running window now. @return false when it is not in progress */
    boolean endEarly(Instant now, String actor) {
        if (stateAt(now) != WindowState.IN_PROGRESS) {
            return false;
        }
        endedEarlyAt = now;
        edited(now, actor);
        return true;
    }

    private void apply(WindowDetails d, Instant now, String actor) {
        startsAt = d.startsAt();
        endsAt = d.endsAt();
        announceFrom = d.announceFrom();
        titleFi = d.titleFi().strip();
        titleSv = blankToNull(d.titleSv());
        titleEn = blankToNull(d.titleEn());
        messageFi = blankToNull(d.messageFi());
        messageSv = blankToNull(d.messageSv());
        messageEn = blankToNull(d.messageEn());
        services = names(d.services());
        openChannels = names(d.openChannels() == null ? Set.of() : d.openChannels());
        edited(now, actor);
    }

    public UUID id() {
        return id;
    }

    public Instant startsAt() {
        return startsAt;
    }

    /** The scheduled end; {@link #effectiveEnd()} is the end that counts (earlier when ended early). */
    public Instant endsAt() {
        return endsAt;
    }

    public Instant announceFrom() {
        return announceFrom;
    }

    public Map<String, String> titles() {
        return texts(titleFi, titleSv, titleEn);
    }

    public Map<String, String> messages() {
        return texts(messageFi, messageSv, messageEn);
    }

    public Set<ClosableService> services() {
        Set<ClosableService> set = EnumSet.noneOf(ClosableService.class);
        Arrays.stream(services).map(ClosableService::valueOf).forEach(set::add);
        return Collections.unmodifiableSet(set);
    }

    public Set<ContactChannel> openChannels() {
        Set<ContactChannel> set = EnumSet.noneOf(ContactChannel.class);
        Arrays.stream(openChannels).map(ContactChannel::valueOf).forEach(set::add);
        return Collections.unmodifiableSet(set);
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant endedEarlyAt() {
        return endedEarlyAt;
    }

    /** Bumped by each reschedule and by cancellation; announcements go out once per version. */
    public int version() {
        return version;
    }

    /** The version whose announcement (or follow-up) has been queued; null while nothing was sent. */
    public Integer announcedVersion() {
        return announcedVersion;
    }

    /** The edit counter a form carries, so a save from a stale page is refused. */
    public Instant effectiveEnd() {
        return endedEarlyAt != null && endedEarlyAt.isBefore(endsAt) ? endedEarlyAt : endsAt;
    }

    public WindowState stateAt(Instant now) {
        if (cancelledAt != null) {
            return WindowState.CANCELLED;
        }
        if (!now.isBefore(effectiveEnd())) {
            return WindowState.COMPLETED;
        }
        if (!now.isBefore(startsAt)) {
            return WindowState.IN_PROGRESS;
        }
        if (!now.isBefore(announceFrom)) {
            return WindowState.ANNOUNCED;
        }
        return WindowState.SCHEDULED;
    }

    public boolean closes(ClosableService service) {
        return Arrays.asList(services).contains(service.name());
    }

    /** The title in a language, Finnish when that language has none. */
    public String title(String language) {
        return inLanguage(titles(), language);
    }

    /** The message in a language, Finnish when that language has none; may be empty. */
    public String message(String language) {
        String message = inLanguage(messages(), language);
        return message == null ? "" : message;
    }

    public ClosureNotice closureOf(ClosableService service) {
        return new ClosureNotice(id, service, titles(), startsAt, effectiveEnd(), openChannels());
    }

    static String inLanguage(Map<String, String> texts, String language) {
        String text = texts.get(language);
        return text == null || text.isBlank() ? texts.get("fi") : text;
    }

    static Map<String, String> texts(String fi, String sv, String en) {
        return Map.of("fi", fi == null ? "" : fi, "sv", sv == null ? "" : sv, "en", en == null ? "" : en);
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
