-- Why a patron's record was consulted or changed, derived from how it happened (the data subject's report names it
-- for each access). Older records and records about anything other than a patron have none.
ALTER TABLE audit_event
    ADD COLUMN purpose text,
    ADD CONSTRAINT audit_event_purpose_ck CHECK (purpose IN ('REGISTRATION', 'SEARCH', 'SEARCH_RESULT',
        'CREDENTIALS_HELP', 'EDIT', 'TRANSFER', 'CLUB_WORK', 'VIEW'));
