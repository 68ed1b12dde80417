-- Patrons: the patron register, submission tokens that make registration exactly-once, the patron
-- number sequence and the patron's change history.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Patron numbers are C + 7 digits; a sequence never hands out a number twice, even after a rollback.
CREATE SEQUENCE patron_number_seq START WITH 1000001 MINVALUE 1 MAXVALUE 9999999 NO CYCLE;

CREATE TABLE patron (
    id                      uuid        PRIMARY KEY,
    patron_number           text        NOT NULL,
    identity_code           text,
    birth_date              date,
    no_identity_code_reason text,
    first_name              text        NOT NULL,
    last_name               text        NOT NULL,
    -- lower-cased, accents removed (done in Java), for case- and accent-insensitive name search
    search_name             text        NOT NULL,
    email                   text,
    phone                   text,
    street_address          text,
    postal_code             text,
    city                    text,
    language                text        NOT NULL,
    channel                 text        NOT NULL,
    eligibility             text        NOT NULL,
    service_online          boolean     NOT NULL,
    service_cd_clubs        boolean     NOT NULL,
    consent                 boolean     NOT NULL,
    paper_credentials       boolean     NOT NULL DEFAULT false,
    contact_name            text,
    contact_relation        text,
    contact_phone           text,
    contact_email           text,
    credentials_to          text        NOT NULL DEFAULT 'PATRON',
    guardian_name           text,
    guardian_phone          text,
    guardian_email          text,
    guardian_consent        boolean     NOT NULL DEFAULT false,
    organisation_id         uuid        NOT NULL,
    registered_by           uuid        NOT NULL,
    registered_by_name      text        NOT NULL,
    registered_at           timestamptz NOT NULL,
    status                  text        NOT NULL DEFAULT 'ACTIVE',
    closed_at               timestamptz,
    closed_reason           text,
    password_hash           text,
    password_set_at         timestamptz,
    updated_at              timestamptz NOT NULL,
    version                 bigint      NOT NULL DEFAULT 0,
    CONSTRAINT patron_patron_number_uk UNIQUE (patron_number),
    CONSTRAINT patron_identity_code_uk UNIQUE (identity_code),
    CONSTRAINT patron_patron_number_ck CHECK (patron_number ~ '^C[0-9]{7}$'),
    CONSTRAINT patron_identity_or_reason_ck CHECK (identity_code IS NOT NULL OR no_identity_code_reason IS NOT NULL OR status = 'ERASED'),
    CONSTRAINT patron_birth_date_ck CHECK (birth_date IS NOT NULL OR status = 'ERASED'),
    CONSTRAINT patron_language_ck CHECK (language IN ('fi', 'sv', 'en')),
    CONSTRAINT patron_channel_ck CHECK (channel IN ('IN_PERSON', 'PHONE', 'REMOTE')),
    CONSTRAINT patron_eligibility_ck CHECK (eligibility IN ('VISUAL', 'READING', 'PHYSICAL', 'OTHER')),
    CONSTRAINT patron_credentials_to_ck CHECK (credentials_to IN ('PATRON', 'CONTACT')),
    CONSTRAINT patron_status_ck CHECK (status IN ('ACTIVE', 'CLOSED', 'ERASED')),
    CONSTRAINT patron_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT patron_registered_by_fk FOREIGN KEY (registered_by) REFERENCES staff_account (id)
);
CREATE INDEX patron_search_name_trgm_ix ON patron USING gin (search_name gin_trgm_ops);
CREATE INDEX patron_email_ix ON patron (lower(email));
CREATE INDEX patron_organisation_ix ON patron (organisation_id, registered_at DESC);
CREATE INDEX patron_birth_date_ix ON patron (birth_date);

-- One row per accepted registration form: the submission token is an idempotency key scoped to the staff
-- member, written in the same transaction as the patron. Kept at least 24 hours.
CREATE TABLE patron_submission (
    staff_account_id uuid        NOT NULL,
    token            text        NOT NULL,
    fingerprint      text        NOT NULL,
    patron_id        uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    CONSTRAINT patron_submission_pk PRIMARY KEY (staff_account_id, token),
    CONSTRAINT patron_submission_patron_fk FOREIGN KEY (patron_id) REFERENCES patron (id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX patron_submission_created_ix ON patron_submission (created_at);

-- Every change to a patron: who, when, which field, old and new value.
CREATE TABLE patron_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patron_id   uuid        NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    field       text        NOT NULL,
    old_value   text,
    new_value   text,
    CONSTRAINT patron_history_patron_fk FOREIGN KEY (patron_id) REFERENCES patron (id)
);
CREATE INDEX patron_history_patron_ix ON patron_history (patron_id, changed_at DESC);
