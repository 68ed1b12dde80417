-- Whom the actor of an audit record acted for when the record was written: the organisation of a library's or
-- school's own staff member, or the service itself for the service's staff and administrators. A patron's history
-- names it as it was then, so a registrar keeps their own library after the patron has moved elsewhere.
ALTER TABLE audit_event
    ADD COLUMN actor_organisation_id uuid,
    ADD COLUMN actor_service boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT audit_event_actor_affiliation_ck CHECK (NOT (actor_service AND actor_organisation_id IS NOT NULL));

-- Older records, best effort: the staff account of the same user name as it is now. Records whose actor is no
-- staff member (an applicant, a customer, a patron setting a password, the system) are left without.
UPDATE audit_event a
SET actor_organisation_id = CASE WHEN s.role IN ('REGISTRAR', 'MAIN_USER') THEN s.organisation_id END,
    actor_service = s.role IN ('STAFF', 'ADMIN')
FROM staff_account s
WHERE s.username = a.actor
  AND a.action NOT IN ('INSTITUTION_APPLICATION_SUBMITTED', 'CUSTOMER_PASSWORD_SET', 'PATRON_PASSWORD_SET',
                       'ACTIVATION_CODE_FLOOD')
  AND NOT (a.action IN ('SIGN_IN', 'SIGN_IN_LOCKED') AND a.outcome <> 'SUCCESS');

-- The audit trail's filters: an event over a period, and any part of a user name (trigrams; pg_trgm is there
-- since V2). Newest first, as the page lists them.
CREATE INDEX audit_event_action_ix ON audit_event (action, occurred_at DESC);
CREATE INDEX audit_event_actor_trgm_ix ON audit_event USING gin (actor gin_trgm_ops);

-- The mail log's filter: any part of an address or a subject, whatever the case.
CREATE INDEX outbound_mail_recipient_trgm_ix ON outbound_mail USING gin (recipient gin_trgm_ops);
CREATE INDEX outbound_mail_subject_trgm_ix ON outbound_mail USING gin (subject gin_trgm_ops);

-- The same for each field a patron's history of changes keeps.
ALTER TABLE patron_history
    ADD COLUMN changed_by_organisation_id uuid,
    ADD COLUMN changed_by_service boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT patron_history_changed_by_affiliation_ck
        CHECK (NOT (changed_by_service AND changed_by_organisation_id IS NOT NULL));
UPDATE patron_history h
SET changed_by_organisation_id = CASE WHEN s.role IN ('REGISTRAR', 'MAIN_USER') THEN s.organisation_id END,
    changed_by_service = s.role IN ('STAFF', 'ADMIN')
FROM staff_account s
WHERE s.username = h.changed_by;
