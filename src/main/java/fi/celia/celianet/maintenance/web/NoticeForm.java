package fi.celia.celianet.maintenance.web;

import fi.celia.celianet.calendar.Dates;
import fi.celia.celianet.calendar.Helsinki;
import fi.celia.celianet.maintenance.NoticeDetails;
import fi.celia.celianet.maintenance.NoticeKind;
import fi.celia.celianet.maintenance.ServiceNotice;
import fi.celia.celianet.shared.MultiLine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.validation.Errors;

/** The service notice form; times are {@code datetime-local} text in Helsinki time and stay text until saved. */
class NoticeForm {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private NoticeKind kind = NoticeKind.NEWS;
    private String titleFi;
    private String titleSv;
    private String titleEn;

    @MultiLine
    private String bodyFi;

    @MultiLine
    private String bodySv;

    @MultiLine
    private String bodyEn;

    @MultiLine
    private String workaroundFi;

    @MultiLine
    private String workaroundSv;

    @MultiLine
    private String workaroundEn;

    private String sessionStartsAt;
    private String joinLink;

    @MultiLine
    private String summaryFi;

    @MultiLine
    private String summarySv;

    @MultiLine
    private String summaryEn;

    private String publishFrom;
    private String publishUntil;
    /** The notice's edit counter when the page was shown; a save from a stale page is refused. */
    private Long lockVersion;

    static NoticeForm starting(Instant now) {
        var form = new NoticeForm();
        form.publishFrom = LOCAL.format(Helsinki.at(now));
        return form;
    }

    static NoticeForm of(ServiceNotice n) {
        var form = new NoticeForm();
        form.kind = n.kind();
        form.titleFi = n.titles().get("fi");
        form.titleSv = n.titles().get("sv");
        form.titleEn = n.titles().get("en");
        form.bodyFi = n.bodies().get("fi");
        form.bodySv = n.bodies().get("sv");
        form.bodyEn = n.bodies().get("en");
        form.workaroundFi = n.workarounds().get("fi");
        form.workaroundSv = n.workarounds().get("sv");
        form.workaroundEn = n.workarounds().get("en");
        form.sessionStartsAt = n.sessionStartsAt() == null ? null : LOCAL.format(Helsinki.at(n.sessionStartsAt()));
        form.joinLink = n.joinLink();
        form.summaryFi = n.summaries().get("fi");
        form.summarySv = n.summaries().get("sv");
        form.summaryEn = n.summaries().get("en");
        form.publishFrom = LOCAL.format(Helsinki.at(n.publishFrom()));
        form.publishUntil = n.publishUntil() == null ? null : LOCAL.format(Helsinki.at(n.publishUntil()));
        form.lockVersion = n.lockVersion();
        return form;
    }

    NoticeDetails toDetails(Errors errors) {
        Instant session =
                kind == NoticeKind.QA_SESSION ? time("sessionStartsAt", sessionStartsAt, false, errors) : null;
        return new NoticeDetails(
                kind,
                texts(titleFi, titleSv, titleEn),
                texts(bodyFi, bodySv, bodyEn),
                texts(workaroundFi, workaroundSv, workaroundEn),
                session,
                joinLink,
                texts(summaryFi, summarySv, summaryEn),
                time("publishFrom", publishFrom, true, errors),
                time("publishUntil", publishUntil, false, errors));
    }

    private static Map<String, String> texts(String fi, String sv, String en) {
        Map<String, String> texts = new HashMap<>();
        texts.put("fi", fi);
        texts.put("sv", sv);
        texts.put("en", en);
        return texts;
    }

    private static Instant time(String field, String value, boolean required, Errors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.rejectValue(field, "maintenance.notice.error." + field + ".required");
            }
            return null;
        }
        LocalDateTime typed = Dates.parseDateTime(value);
        if (typed == null) {
            errors.rejectValue(field, "maintenance.notice.error.unparseable");
            return null;
        }
        return Helsinki.instantOf(typed);
    }

    public NoticeKind getKind() {
        return kind;
    }

    public void setKind(NoticeKind kind) {
        this.kind = kind;
    }

    public String getTitleFi() {
        return titleFi;
    }

    public void setTitleFi(String v) {
        this.titleFi = v;
    }

    public String getTitleSv() {
        return titleSv;
    }

    public void setTitleSv(String v) {
        this.titleSv = v;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String v) {
        this.titleEn = v;
    }

    public String getBodyFi() {
        return bodyFi;
    }

    public void setBodyFi(String v) {
        this.bodyFi = v;
    }

    public String getBodySv() {
        return bodySv;
    }

    public void setBodySv(String v) {
        this.bodySv = v;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String v) {
        this.bodyEn = v;
    }

    public String getWorkaroundFi() {
        return workaroundFi;
    }

    public void setWorkaroundFi(String v) {
        this.workaroundFi = v;
    }

    public String getWorkaroundSv() {
        return workaroundSv;
    }

    public void setWorkaroundSv(String v) {
        this.workaroundSv = v;
    }

    public String getWorkaroundEn() {
        return workaroundEn;
    }

    public void setWorkaroundEn(String v) {
        this.workaroundEn = v;
    }

    public String getSessionStartsAt() {
        return sessionStartsAt;
    }

    public void setSessionStartsAt(String v) {
        this.sessionStartsAt = v;
    }

    public String getJoinLink() {
        return joinLink;
    }

    public void setJoinLink(String v) {
        this.joinLink = v;
    }

    public String getSummaryFi() {
        return summaryFi;
    }

    public void setSummaryFi(String v) {
        this.summaryFi = v;
    }

    public String getSummarySv() {
        return summarySv;
    }

    public void setSummarySv(String v) {
        this.summarySv = v;
    }

    public String getSummaryEn() {
        return summaryEn;
    }

    public void setSummaryEn(String v) {
        this.summaryEn = v;
    }

    public String getPublishFrom() {
        return publishFrom;
    }

    public void setPublishFrom(String v) {
        this.publishFrom = v;
    }

    public String getPublishUntil() {
        return publishUntil;
    }

    public void setPublishUntil(String v) {
        this.publishUntil = v;
    }

    public Long getLockVersion() {
        return lockVersion;
    }

    public void setLockVersion(Long v) {
        this.lockVersion = v;
    }
}
