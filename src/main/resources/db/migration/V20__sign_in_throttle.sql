-- Failed and refused sign-ins, one row each, keyed by user name and client address together: a stranger's
-- failures keep a name out from the stranger's address alone, and many names tried from one address (password
-- spraying) are counted together. The name is kept only as a SHA-256 of its lower-cased form, as sign_in_failure
-- kept it, so a password typed into the name field is never stored. Rows older than a few windows are deleted.
CREATE TABLE sign_in_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username_key text        NOT NULL,
    address      text        NOT NULL,
    failed_at    timestamptz NOT NULL
);
CREATE INDEX sign_in_attempt_address_ix ON sign_in_attempt (address, failed_at);
CREATE INDEX sign_in_attempt_name_ix ON sign_in_attempt (username_key, failed_at);
CREATE INDEX sign_in_attempt_failed_at_ix ON sign_in_attempt (failed_at);

DROP TABLE sign_in_failure;
