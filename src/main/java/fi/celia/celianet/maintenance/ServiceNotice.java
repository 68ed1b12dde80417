package fi.celia.celianet.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A service notice for libraries, shown between {@code publishFrom} and {@code publishUntil} (open-ended when
 * null). A known issue keeps a workaround and a Q&A session its time, join link and summary; other kinds keep
 * none of these. Only {@link ServiceNotices} changes it.
 */
@Entity
@Table(name = "service_notice")
public class ServiceNotice extends EditedRecord {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind kind;

    @Column(name = "title_fi", nullable = false)
    private String titleFi;

    @Column(name = "title_sv")
    private String titleSv;

    @Column(name = "title_en")
    private String titleEn;

    @Column(name = "body_fi", nullable = false)
    private String bodyFi;

    @Column(name = "body_sv")
    private String bodySv;

    @Column(name = "body_en")
    private String bodyEn;

    @Column(name = "workaround_fi")
    private String workaroundFi;

    @Column(name = "workaround_sv")
    private String workaroundSv;

    @Column(name = "workaround_en")
    private String workaroundEn;

    @Column(name = "session_starts_at")
    private Instant sessionStartsAt;

    @Column(name = "join_link")
    private String joinLink;

    @Column(name = "summary_fi")
    private String summaryFi;

    @Column(name = "summary_sv")
    private String summarySv;

    @Column(name = "summary_en")
    private String summaryEn;

    @Column(name = "publish_from", nullable = false)
    private Instant publishFrom;

    @Column(name = "publish_until")
    private Instant publishUntil;

    protected ServiceNotice() {}

    ServiceNotice(UUID id, NoticeDetails details, Instant now, String actor) {
        this.id = id;
        created(now, actor);
        revise(details, now, actor);
    }

    /** Takes new details (already validated); texts that do not belong to the kind are dropped. */
    void revise(NoticeDetails d, Instant now, String actor) {
        boolean knownIssue = d.kind() == NoticeKind.KNOWN_ISSUE;
        boolean session = d.kind() == NoticeKind.QA_SESSION;
        kind = d.kind();
        titleFi = stored(d.titles(), "fi");
        titleSv = stored(d.titles(), "sv");
        titleEn = stored(d.titles(), "en");
        bodyFi = stored(d.bodies(), "fi");
        bodySv = stored(d.bodies(), "sv");
        bodyEn = stored(d.bodies(), "en");
        Map<String, String> workarounds = knownIssue ? d.workarounds() : Map.of();
        workaroundFi = stored(workarounds, "fi");
        workaroundSv = stored(workarounds, "sv");
        workaroundEn = stored(workarounds, "en");
        Map<String, String> summaries = session ? d.summaries() : Map.of();
        summaryFi = stored(summaries, "fi");
        summarySv = stored(summaries, "sv");
        summaryEn = stored(summaries, "en");
        sessionStartsAt = session ? d.sessionStartsAt() : null;
        joinLink = session ? d.joinLink().strip() : null;
        publishFrom = d.publishFrom();
        publishUntil = d.publishUntil();
        edited(now, actor);
    }

    private static String stored(Map<String, String> texts, String language) {
        String value = texts.get(language);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public UUID id() {
        return id;
    }

    public NoticeKind kind() {
        return kind;
    }

    public Map<String, String> titles() {
        return MaintenanceWindow.texts(titleFi, titleSv, titleEn);
    }

    public Map<String, String> bodies() {
        return MaintenanceWindow.texts(bodyFi, bodySv, bodyEn);
    }

    public Map<String, String> workarounds() {
        return MaintenanceWindow.texts(workaroundFi, workaroundSv, workaroundEn);
    }

    public Instant sessionStartsAt() {
        return sessionStartsAt;
    }

    public String joinLink() {
        return joinLink;
    }

    public Map<String, String> summaries() {
        return MaintenanceWindow.texts(summaryFi, summarySv, summaryEn);
    }

    public Instant publishFrom() {
        return publishFrom;
    }

    public Instant publishUntil() {
        return publishUntil;
    }

    /** The edit counter a form carries, so a save from a stale page is refused. */
    public String title(String language) {
        return inLanguage(titles(), language);
    }

    public String body(String language) {
        return inLanguage(bodies(), language);
    }

    public String workaround(String language) {
        return inLanguage(workarounds(), language);
    }

    public String summary(String language) {
        return inLanguage(summaries(), language);
    }

    public boolean isPublishedAt(Instant now) {
        return !now.isBefore(publishFrom) && (publishUntil == null || now.isBefore(publishUntil));
    }

    /** A Q&A session that has begun: its summary replaces the join link. */
    public boolean sessionHeldBy(Instant now) {
        return sessionStartsAt != null && !now.isBefore(sessionStartsAt);
    }

    /** A text in a language, Finnish when that language has none; may be empty. */
    private static String inLanguage(Map<String, String> texts, String language) {
        String value = MaintenanceWindow.inLanguage(texts, language);
        return value == null ? "" : value;
    }
}
