-- A staff member's second sign-in factor: an authenticator app (TOTP, RFC 6238) and single-use recovery codes.
--
-- One authenticator app per account. Its shared secret (base32, as the app was given it) is sealed with the data
-- keys as a patron's identity code is (AES-256-GCM, the nonce first, the account's id the additional authenticated
-- data) with the id of the key that sealed it, so rotate-keys re-seals it. last_used_step is the 30-second time step
-- of the last code accepted: a code of that step or an earlier one is refused, so a code is used once.
CREATE TABLE staff_authenticator_app (
    staff_account_id uuid        NOT NULL,
    secret_sealed    bytea       NOT NULL,
    secret_key       text        NOT NULL,
    last_used_step   bigint      NOT NULL,
    enrolled_at      timestamptz NOT NULL,
    CONSTRAINT staff_authenticator_app_pk PRIMARY KEY (staff_account_id),
    CONSTRAINT staff_authenticator_app_account_fk FOREIGN KEY (staff_account_id)
        REFERENCES staff_account (id) ON DELETE CASCADE,
    CONSTRAINT staff_authenticator_app_last_used_step_ck CHECK (last_used_step >= 0)
);

-- Recovery codes, kept only as password hashes (Argon2, salted): a code is shown once, when issued. used_at is set
-- when a code is spent; a new issue deletes the account's earlier codes.
CREATE TABLE staff_recovery_code (
    id               uuid        NOT NULL,
    staff_account_id uuid        NOT NULL,
    code_hash        text        NOT NULL,
    created_at       timestamptz NOT NULL,
    used_at          timestamptz,
    CONSTRAINT staff_recovery_code_pk PRIMARY KEY (id),
    CONSTRAINT staff_recovery_code_account_fk FOREIGN KEY (staff_account_id)
        REFERENCES staff_account (id) ON DELETE CASCADE
);
CREATE INDEX staff_recovery_code_account_ix ON staff_recovery_code (staff_account_id);
