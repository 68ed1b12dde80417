-- The clear identity code goes once every row is sealed (V18.1 sealed them at start-up). The guard keeps a code
-- that somehow stayed in clear from being lost: the start stops here with the count, and the README says what to do.
DO $$
DECLARE
    clear_codes bigint;
BEGIN
    SELECT count(*) INTO clear_codes FROM patron WHERE identity_code IS NOT NULL;
    IF clear_codes > 0 THEN
        RAISE EXCEPTION 'V19: % patron identity codes are still in clear, which V18.1 seals: see "Identity codes sealed at rest" in the README', clear_codes;
    END IF;
END $$;

ALTER TABLE patron DROP CONSTRAINT patron_identity_or_reason_ck;
ALTER TABLE patron DROP COLUMN identity_code;
ALTER TABLE patron ADD CONSTRAINT patron_identity_or_reason_ck CHECK (
    identity_code_sealed IS NOT NULL OR no_identity_code_reason IS NOT NULL OR status = 'ERASED');
