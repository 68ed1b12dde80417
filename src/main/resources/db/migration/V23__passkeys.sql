-- Passkeys, a second sign-in factor (Spring Security's WebAuthn). The tables, their names and their columns are
-- those Spring Security's JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository read and
-- write; only the times are timestamptz (the repositories write and read them as instants) and the constraints
-- are named.
--
-- A user entity is a staff account's WebAuthn identity: its name is the account's user name (which never changes),
-- its id the random user handle given to authenticators. Spring creates it when an account first asks to register
-- a passkey, so an entity without credentials is no enrolment.
CREATE TABLE user_entities (
    id           varchar(1000) NOT NULL,
    name         varchar(100)  NOT NULL,
    display_name varchar(200),
    CONSTRAINT user_entities_pk PRIMARY KEY (id),
    CONSTRAINT user_entities_name_uk UNIQUE (name),
    CONSTRAINT user_entities_staff_account_fk FOREIGN KEY (name) REFERENCES staff_account (username)
        ON DELETE CASCADE
);

-- One registered passkey. Ids are base64url as Spring writes them; the attestation is kept because Spring reads
-- the public key's algorithm from it at every sign-in. Removing the entity removes its passkeys.
CREATE TABLE user_credentials (
    credential_id                varchar(1000) NOT NULL,
    user_entity_user_id          varchar(1000) NOT NULL,
    public_key                   bytea         NOT NULL,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       NOT NULL,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       NOT NULL,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamptz,
    last_used                    timestamptz,
    label                        varchar(1000) NOT NULL,
    CONSTRAINT user_credentials_pk PRIMARY KEY (credential_id),
    CONSTRAINT user_credentials_user_entity_fk FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id)
        ON DELETE CASCADE
);
CREATE INDEX user_credentials_user_entity_ix ON user_credentials (user_entity_user_id);
