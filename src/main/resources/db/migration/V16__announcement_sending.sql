-- Announcement mails of maintenance windows are sent only when an administrator says so: each sending names
-- the audiences, is sent at once or scheduled for the window's announce-from time, and records how many
-- recipients the administrator confirmed and how many mails were queued when it went out. The id is made by
-- the confirmation page, so a second press of its button (or a re-sent form) finds the sending already there.
CREATE TABLE announcement_sending (
    id              uuid        PRIMARY KEY,
    window_id       uuid        NOT NULL,
    -- ANNOUNCEMENT: the first mail about the window; UPDATE: a change since (new times, services, cancellation)
    kind            text        NOT NULL,
    -- the window's version the administrator saw; when queued, the version the mails were written from
    window_version  integer     NOT NULL,
    audiences       text[]      NOT NULL,
    -- NULL: sent at once; otherwise queued by the announcement job at this time (the window's announce-from)
    scheduled_for   timestamptz,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    confirmed_count integer     NOT NULL,
    queued_count    integer,
    queued_at       timestamptz,
    CONSTRAINT announcement_sending_window_fk FOREIGN KEY (window_id) REFERENCES maintenance_window (id)
        ON DELETE CASCADE,
    CONSTRAINT announcement_sending_kind_ck CHECK (kind IN ('ANNOUNCEMENT', 'UPDATE')),
    CONSTRAINT announcement_sending_audiences_ck CHECK (cardinality(audiences) > 0
        AND audiences <@ ARRAY['ORGANISATIONS', 'PATRONS']::text[]),
    CONSTRAINT announcement_sending_queued_ck CHECK ((queued_at IS NULL) = (queued_count IS NULL))
);
CREATE INDEX announcement_sending_window_ix ON announcement_sending (window_id, created_at);
-- Scheduled sendings not yet queued, for the announcement job.
CREATE INDEX announcement_sending_due_ix ON announcement_sending (scheduled_for) WHERE queued_at IS NULL;

-- The job no longer looks for windows to announce by themselves.
DROP INDEX maintenance_window_announcement_due_ix;
