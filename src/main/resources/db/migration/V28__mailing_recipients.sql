-- A mailing (an announcement to every audience it names) is queued in two stages so that queuing a million
-- recipients is one narrow INSERT … SELECT: the texts once per mailing, and one small row per recipient with
-- what makes their copy theirs (address, language, wording, the names a guardian is told about). The sender
-- moves recipients into outbound_mail a batch at a time as it sends them, deleting each staged row in the same
-- transaction, so outbound_mail (with its log, retries, leases and retention) still holds every mail sent, and
-- the staged rows, personal data, last only until their mail is written.
CREATE TABLE mailing (
    id              uuid PRIMARY KEY,
    dedupe_prefix   text        NOT NULL,
    reference_type  text,
    reference_id    uuid,
    priority        smallint    NOT NULL,
    created_at      timestamptz NOT NULL,
    -- recipients staged and not yet written to outbound_mail (counted here, not counted per view)
    pending         integer     NOT NULL DEFAULT 0,
    CONSTRAINT mailing_dedupe_prefix_uk UNIQUE (dedupe_prefix)
);
CREATE INDEX mailing_reference_ix ON mailing (reference_type, reference_id);
CREATE INDEX mailing_pending_ix ON mailing (priority, created_at) WHERE pending > 0;

-- The subject and body of a mailing by wording and language (PATRON:sv); every pair is written.
CREATE TABLE mailing_text (
    mailing_id  uuid NOT NULL REFERENCES mailing (id) ON DELETE CASCADE,
    text_key    text NOT NULL,
    subject     text NOT NULL,
    body        text NOT NULL,
    PRIMARY KEY (mailing_id, text_key)
);

-- One row per address still to be written; the primary key is the mailing's dedupe (an address once).
-- No foreign key: the million-row insert checks none per row, and the mailing row is written first in the
-- same transaction and never deleted while it has recipients.
CREATE TABLE mailing_recipient (
    mailing_id  uuid NOT NULL,
    address     text NOT NULL,
    email       text,             -- the address as written, where it differs from the lower-case one
    language    text NOT NULL,
    wording     text NOT NULL CHECK (wording IN ('STAFF', 'PATRON', 'GUARDIAN', 'CONTACT')),
    about       text,
    PRIMARY KEY (mailing_id, address)
);
