-- Identity codes sealed at rest. Each code is kept encrypted (AES-256-GCM; the nonce is the first 12 bytes, the
-- patron's id the additional authenticated data) with the id of the key that sealed it, and found through a blind
-- index (HMAC-SHA256 under the index key, over the code as written) that carries the uniqueness constraint, exact
-- search and the duplicate check. V18.1 seals the codes already registered; V19 then drops the clear column.
ALTER TABLE patron
    ADD COLUMN identity_code_sealed    bytea,
    ADD COLUMN identity_code_key       text,
    ADD COLUMN identity_code_index     bytea,
    ADD COLUMN identity_code_index_key text,
    ADD CONSTRAINT patron_identity_code_index_uk UNIQUE (identity_code_index),
    ADD CONSTRAINT patron_identity_code_sealed_ck CHECK (
        (identity_code_sealed IS NULL) = (identity_code_key IS NULL)
        AND (identity_code_sealed IS NULL) = (identity_code_index IS NULL)
        AND (identity_code_sealed IS NULL) = (identity_code_index_key IS NULL));

ALTER TABLE patron DROP CONSTRAINT patron_identity_or_reason_ck;
ALTER TABLE patron ADD CONSTRAINT patron_identity_or_reason_ck CHECK (
    identity_code IS NOT NULL OR identity_code_sealed IS NOT NULL OR no_identity_code_reason IS NOT NULL
    OR status = 'ERASED');

-- The registration fingerprint becomes a keyed HMAC ("key id:base64"); an unkeyed digest of the form could be
-- reversed to the identity code by trying every code. Fingerprints older than these are forgotten: they only
-- answer a resubmission of the same form within a day.
DELETE FROM patron_submission;

-- The demo profile's generated data keys (never used elsewhere: production keys come from CELIANET_DATA_KEYS).
CREATE TABLE demo_data_key (
    purpose    text        NOT NULL,
    id         text        NOT NULL,
    key        bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT demo_data_key_pk PRIMARY KEY (purpose, id),
    CONSTRAINT demo_data_key_purpose_ck CHECK (purpose IN ('seal', 'index'))
);
