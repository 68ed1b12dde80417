-- Maintenance windows: when they start and end, when they are announced, what they close, which contact
-- channels stay open, in fi/sv/en. The state (scheduled, announced, in progress, completed, cancelled) is
-- never stored: it follows from these times and the clock, so no job has to run for a window to start or end.

CREATE TABLE maintenance_window (
    id                uuid        PRIMARY KEY,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    announce_from     timestamptz NOT NULL,
    title_fi          text        NOT NULL,
    title_sv          text,
    title_en          text,
    message_fi        text,
    message_sv        text,
    message_en        text,
    services          text[]      NOT NULL,
    open_channels     text[]      NOT NULL DEFAULT '{}',
    cancelled_at      timestamptz,
    ended_early_at    timestamptz,
    -- Bumped by every reschedule and by cancellation: announcements are sent once per version.
    version           integer     NOT NULL DEFAULT 1,
    -- The version whose announcement (or follow-up) has been queued; NULL while nothing was sent.
    announced_version integer,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text        NOT NULL,
    CONSTRAINT maintenance_window_end_after_start_ck CHECK (ends_at > starts_at),
    CONSTRAINT maintenance_window_announce_not_after_start_ck CHECK (announce_from <= starts_at),
    CONSTRAINT maintenance_window_title_fi_ck CHECK (char_length(btrim(title_fi)) BETWEEN 1 AND 200),
    CONSTRAINT maintenance_window_services_ck CHECK (cardinality(services) > 0
        AND services <@ ARRAY['REGISTRATION', 'PASSWORD_RESET', 'LENDING', 'INSTITUTION_SIGNUP']::text[]),
    CONSTRAINT maintenance_window_channels_ck CHECK (open_channels <@ ARRAY['EMAIL', 'PHONE', 'CHAT']::text[])
);

-- "Which windows are current now": the closure check, the banner and the status API each run one query
-- bounded by the effective end.
CREATE INDEX maintenance_window_effective_end_ix ON maintenance_window ((coalesce(ended_early_at, ends_at)))
    WHERE cancelled_at IS NULL;
CREATE INDEX maintenance_window_starts_at_ix ON maintenance_window (starts_at DESC);
-- Windows whose announcement or follow-up is still to be queued.
CREATE INDEX maintenance_window_announcement_due_ix ON maintenance_window (announce_from)
    WHERE announced_version IS DISTINCT FROM version;

-- Service notices for libraries: news, known issues (with their workaround) and Q&A sessions (with their time,
-- join link and, afterwards, a summary), each shown between publish_from and publish_until.
CREATE TABLE service_notice (
    id                uuid        PRIMARY KEY,
    kind              text        NOT NULL,
    title_fi          text        NOT NULL,
    title_sv          text,
    title_en          text,
    body_fi           text        NOT NULL,
    body_sv           text,
    body_en           text,
    workaround_fi     text,
    workaround_sv     text,
    workaround_en     text,
    session_starts_at timestamptz,
    join_link         text,
    summary_fi        text,
    summary_sv        text,
    summary_en        text,
    publish_from      timestamptz NOT NULL,
    publish_until     timestamptz,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text        NOT NULL,
    CONSTRAINT service_notice_kind_ck CHECK (kind IN ('NEWS', 'KNOWN_ISSUE', 'QA_SESSION')),
    CONSTRAINT service_notice_title_fi_ck CHECK (char_length(btrim(title_fi)) BETWEEN 1 AND 200),
    CONSTRAINT service_notice_publish_ck CHECK (publish_until IS NULL OR publish_until > publish_from),
    CONSTRAINT service_notice_session_ck CHECK (kind <> 'QA_SESSION' OR (session_starts_at IS NOT NULL AND join_link IS NOT NULL)),
    CONSTRAINT service_notice_join_link_ck CHECK (join_link IS NULL OR join_link LIKE 'https://%')
);
CREATE INDEX service_notice_publish_ix ON service_notice (publish_from DESC);
