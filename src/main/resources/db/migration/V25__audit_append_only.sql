-- The audit trail is append-only for the application (ASVS 16.4.2): a row is never deleted nor changed, except
-- that erasing a patron blanks what the rows' details said of them (AuditLog.erase). A statement that tries
-- anything else fails, so a defect or an injected statement cannot rewrite the trail. The table's owner can still
-- drop the trigger: operators keep the trail's copies (backups, the log shipping) where the application cannot.
CREATE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'details') = (to_jsonb(OLD) - 'details') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only_row
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_append_only_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
