package fi.celia.celianet.maintenance;

/** What a service notice is: news, a known issue (with its workaround) or a Q&A session (with its join link). */
public enum NoticeKind {
    NEWS,
    KNOWN_ISSUE,
    QA_SESSION
}
