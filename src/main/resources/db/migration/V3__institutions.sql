-- Institutions: public applications to join as a community customer, their history and the
-- organisations' own customer accounts.

-- One counter per year for the references people read, L-YYYY-NNNNN.
CREATE TABLE institution_reference_counter (
    year       integer NOT NULL,
    last_value integer NOT NULL,
    CONSTRAINT institution_reference_counter_pk PRIMARY KEY (year)
);

CREATE TABLE institution_application (
    id                        uuid PRIMARY KEY,
    reference                 text        NOT NULL,
    tracking_token            text        NOT NULL,
    submission_token          text        NOT NULL,
    status                    text        NOT NULL,
    organisation_name         text        NOT NULL,
    organisation_type         text        NOT NULL,
    business_id               text,
    no_business_id_reason     text,
    contact_name              text        NOT NULL,
    email                     text        NOT NULL,
    phone                     text        NOT NULL,
    street_address            text        NOT NULL,
    postal_code               text        NOT NULL,
    city                      text        NOT NULL,
    message                   text,
    language                  text        NOT NULL DEFAULT 'fi',
    client_address            text,
    submitted_at              timestamptz NOT NULL,
    assignee_id               uuid,
    assignee_name             text,
    waiting_since             timestamptz,
    paused_working_days       integer     NOT NULL DEFAULT 0,
    decided_at                timestamptz,
    decided_by                text,
    decision_reason           text,
    working_days_to_decision  integer,
    organisation_id           uuid,
    version                   bigint      NOT NULL DEFAULT 0,
    CONSTRAINT institution_application_reference_uk UNIQUE (reference),
    CONSTRAINT institution_application_tracking_token_uk UNIQUE (tracking_token),
    CONSTRAINT institution_application_submission_token_uk UNIQUE (submission_token),
    CONSTRAINT institution_application_status_ck
        CHECK (status IN ('RECEIVED', 'IN_REVIEW', 'WAITING_FOR_APPLICANT', 'APPROVED', 'REJECTED')),
    CONSTRAINT institution_application_type_ck
        CHECK (organisation_type IN ('LIBRARY', 'SCHOOL', 'CARE_HOME', 'OTHER')),
    CONSTRAINT institution_application_language_ck CHECK (language IN ('fi', 'sv', 'en')),
    CONSTRAINT institution_application_business_id_ck
        CHECK (business_id IS NOT NULL OR (organisation_type = 'OTHER' AND no_business_id_reason IS NOT NULL)),
    -- Deferred: the organisation is written by JPA at commit, after these rows.
    CONSTRAINT institution_application_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX institution_application_status_ix ON institution_application (status, submitted_at);
CREATE INDEX institution_application_business_id_ix ON institution_application (business_id);
CREATE INDEX institution_application_email_ix ON institution_application (lower(email), submitted_at);
CREATE INDEX institution_application_client_ix ON institution_application (client_address, submitted_at);
CREATE INDEX institution_application_decided_ix ON institution_application (decided_at);

-- The people who will register patrons, in the order given: the first becomes the main user.
CREATE TABLE institution_application_registrar (
    application_id uuid    NOT NULL,
    position       integer NOT NULL,
    name           text    NOT NULL,
    email          text    NOT NULL,
    staff_account_id uuid,
    CONSTRAINT institution_application_registrar_pk PRIMARY KEY (application_id, position),
    CONSTRAINT institution_application_registrar_application_fk
        FOREIGN KEY (application_id) REFERENCES institution_application (id) ON DELETE CASCADE
);

-- What happened to an application, for its page: submitted, taken, questions, replies, decisions.
CREATE TABLE institution_application_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id uuid        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    kind           text        NOT NULL,
    text           text,
    CONSTRAINT institution_application_event_application_fk
        FOREIGN KEY (application_id) REFERENCES institution_application (id) ON DELETE CASCADE
);
CREATE INDEX institution_application_event_application_ix ON institution_application_event (application_id, occurred_at);

-- The organisation's own customer account for borrowing; the contact sets its password from the mailed link.
CREATE TABLE customer_account (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    username        text        NOT NULL,
    email           text        NOT NULL,
    language        text        NOT NULL DEFAULT 'fi',
    password_hash   text,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT customer_account_username_uk UNIQUE (username),
    CONSTRAINT customer_account_organisation_uk UNIQUE (organisation_id),
    CONSTRAINT customer_account_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id)
        DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT customer_account_language_ck CHECK (language IN ('fi', 'sv', 'en'))
);
