-- Foundation: organisations, staff accounts, sign-in lockout, audit trail, single-use credential tokens,
-- the mail outbox, Spring Session, ShedLock and Spring Modulith's event publication registry.

CREATE SEQUENCE organisation_customer_number_seq START WITH 100001;

CREATE TABLE organisation (
    id              uuid PRIMARY KEY,
    customer_number text        NOT NULL,
    name            text        NOT NULL,
    type            text        NOT NULL,
    business_id     text,
    email           text,
    phone           text,
    street_address  text,
    postal_code     text,
    city            text,
    language        text        NOT NULL DEFAULT 'fi',
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT organisation_customer_number_uk UNIQUE (customer_number),
    CONSTRAINT organisation_type_ck CHECK (type IN ('LIBRARY', 'SCHOOL', 'CARE_HOME', 'OTHER')),
    CONSTRAINT organisation_language_ck CHECK (language IN ('fi', 'sv', 'en')),
    CONSTRAINT organisation_name_length_ck CHECK (char_length(name) BETWEEN 1 AND 200)
);
CREATE INDEX organisation_name_ix ON organisation (lower(name));

CREATE TABLE staff_account (
    id              uuid PRIMARY KEY,
    username        text        NOT NULL,
    display_name    text        NOT NULL,
    email           text        NOT NULL,
    language        text        NOT NULL DEFAULT 'fi',
    role            text        NOT NULL,
    organisation_id uuid,
    password_hash   text,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT staff_account_username_uk UNIQUE (username),
    CONSTRAINT staff_account_username_lower_ck CHECK (username = lower(username)),
    CONSTRAINT staff_account_role_ck CHECK (role IN ('REGISTRAR', 'MAIN_USER', 'STAFF', 'ADMIN')),
    CONSTRAINT staff_account_language_ck CHECK (language IN ('fi', 'sv', 'en')),
    CONSTRAINT staff_account_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT staff_account_registrar_has_organisation_ck
        CHECK (role NOT IN ('REGISTRAR', 'MAIN_USER') OR organisation_id IS NOT NULL)
);
CREATE INDEX staff_account_organisation_ix ON staff_account (organisation_id);

-- Failed sign-ins per user name, known or not, so the lockout never tells whether an account exists.
-- The key is a SHA-256 of the lower-cased name, so a 10,000-character name costs no more than any other.
CREATE TABLE sign_in_failure (
    username_key    text        PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

CREATE TABLE audit_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    actor           text        NOT NULL,
    action          text        NOT NULL,
    target_type     text,
    target_id       text,
    outcome         text        NOT NULL,
    details         text,
    CONSTRAINT audit_event_outcome_ck CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
);
CREATE INDEX audit_event_occurred_at_ix ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_target_ix ON audit_event (target_type, target_id, occurred_at DESC);
CREATE INDEX audit_event_actor_ix ON audit_event (actor, occurred_at DESC);

CREATE TABLE credential_token (
    id          uuid PRIMARY KEY,
    token_hash  text        NOT NULL,
    purpose     text        NOT NULL,
    subject_id  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT credential_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX credential_token_subject_ix ON credential_token (subject_id, purpose);

-- The mail outbox: one row per mail to send. A row is written once per (request, recipient): the
-- dedupe key makes a second delivery of the same event a no-op. A link that needs a single-use token
-- is issued only at send time, so no usable token is ever stored in clear. A mail being sent is SENDING
-- under a lease; if the sender dies before recording the outcome, the mail is due again when the lease
-- runs out (at most the batch in flight is sent twice, and lease_expiries counts such resends).
-- Priority 0 is a person's own mail (credentials, invitations); bulk mailings such as announcements use 1
-- and never hold it up.
CREATE TABLE outbound_mail (
    id               uuid PRIMARY KEY,
    dedupe_key       text        NOT NULL,
    recipient        text        NOT NULL,
    language         text        NOT NULL,
    subject          text        NOT NULL,
    body             text        NOT NULL,
    link_purpose     text,
    link_subject_id  uuid,
    reference_type   text,
    reference_id     uuid,
    state            text        NOT NULL DEFAULT 'QUEUED',
    priority         smallint    NOT NULL DEFAULT 0,
    attempts         integer     NOT NULL DEFAULT 0,
    lease_until      timestamptz,
    lease_expiries   integer     NOT NULL DEFAULT 0,
    last_error       text,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    sent_at          timestamptz,
    CONSTRAINT outbound_mail_dedupe_key_uk UNIQUE (dedupe_key),
    CONSTRAINT outbound_mail_state_ck CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'CANCELLED'))
);
CREATE INDEX outbound_mail_due_ix ON outbound_mail (priority, next_attempt_at) WHERE state = 'QUEUED';
CREATE INDEX outbound_mail_sending_ix ON outbound_mail (lease_until) WHERE state = 'SENDING';
CREATE INDEX outbound_mail_reference_ix ON outbound_mail (reference_type, reference_id, created_at DESC);
CREATE INDEX outbound_mail_created_ix ON outbound_mail (created_at DESC);

-- Spring Session JDBC
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- ShedLock
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);

-- Spring Modulith event publication registry (schema v2)
CREATE TABLE event_publication (
    id                     uuid        NOT NULL,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz,
    CONSTRAINT event_publication_pk PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_ix ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_ix ON event_publication (completion_date);
