-- How a patron's credentials travel. credentials_to says whose e-mail address receives the credentials mail
-- (the patron, the contact person or, for a child, the guardian); credentials_by says how they go: by e-mail,
-- by letter to the patron's own postal address, as a short code read out on the phone, or as a printed letter
-- handed over in person (what paper_credentials meant until now).

ALTER TABLE patron ADD COLUMN credentials_by text NOT NULL DEFAULT 'EMAIL';
UPDATE patron SET credentials_by = 'IN_PERSON' WHERE paper_credentials;
ALTER TABLE patron DROP COLUMN paper_credentials;

ALTER TABLE patron DROP CONSTRAINT patron_credentials_to_ck;
ALTER TABLE patron ADD CONSTRAINT patron_credentials_to_ck CHECK (credentials_to IN ('PATRON', 'CONTACT', 'GUARDIAN'));
ALTER TABLE patron ADD CONSTRAINT patron_credentials_by_ck
    CHECK (credentials_by IN ('EMAIL', 'LETTER', 'PHONE', 'IN_PERSON'));
-- The printed letter is handed over only to a patron registered in person.
ALTER TABLE patron ADD CONSTRAINT patron_credentials_in_person_ck
    CHECK (credentials_by <> 'IN_PERSON' OR channel = 'IN_PERSON');

-- When a short code was last shown to be read out on the phone (the code itself is a hashed credential token).
ALTER TABLE patron ADD COLUMN phone_code_given_at timestamptz;

-- Credentials letters: requested (waiting), printed (the short code issued then) and posted. At most one letter
-- of a patron waits at a time, so a double click, a retry or a second instance never queues two.
CREATE TABLE credential_letter (
    id           uuid        PRIMARY KEY,
    patron_id    uuid        NOT NULL,
    kind         text        NOT NULL,
    requested_at timestamptz NOT NULL,
    requested_by text        NOT NULL,
    printed_at   timestamptz,
    printed_by   text,
    posted_at    timestamptz,
    posted_by    text,
    CONSTRAINT credential_letter_patron_fk FOREIGN KEY (patron_id) REFERENCES patron (id),
    CONSTRAINT credential_letter_kind_ck CHECK (kind IN ('LETTER', 'IN_PERSON')),
    CONSTRAINT credential_letter_posted_ck CHECK (posted_at IS NULL OR printed_at IS NOT NULL)
);
CREATE UNIQUE INDEX credential_letter_waiting_uk ON credential_letter (patron_id) WHERE printed_at IS NULL;
CREATE INDEX credential_letter_patron_ix ON credential_letter (patron_id, requested_at DESC);

-- Transfers between organisations, so that the organisation a patron left sees where the patron went.
CREATE TABLE patron_transfer (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patron_id         uuid        NOT NULL,
    from_organisation uuid        NOT NULL,
    to_organisation   uuid        NOT NULL,
    transferred_at    timestamptz NOT NULL,
    -- whether the patron (or whoever receives their credentials mail) was told by e-mail
    patron_told       boolean     NOT NULL,
    CONSTRAINT patron_transfer_patron_fk FOREIGN KEY (patron_id) REFERENCES patron (id),
    CONSTRAINT patron_transfer_from_fk FOREIGN KEY (from_organisation) REFERENCES organisation (id),
    CONSTRAINT patron_transfer_to_fk FOREIGN KEY (to_organisation) REFERENCES organisation (id)
);
CREATE INDEX patron_transfer_from_ix ON patron_transfer (from_organisation, transferred_at DESC);
