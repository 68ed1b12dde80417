-- Indexes for the pages staff open all day, so that none of them reads a large table through.

-- The audit trail filtered by a rare outcome (failure, refusal): newest first without walking past the successes.
-- The query writes the outcome out, so that the plan can prove the partial index applies.
CREATE INDEX audit_event_rare_outcome_ix ON audit_event (outcome, occurred_at DESC, id DESC) WHERE outcome <> 'SUCCESS';

-- A club's active members, counted from the index alone.
CREATE INDEX club_subscription_active_club_ix ON club_subscription (club_id) WHERE state = 'ACTIVE';

-- A club's subscriptions grouped by their dates (the open shipments' member counts), from the index alone; it covers
-- what the index on (club_id, starts_on) served.
CREATE INDEX club_subscription_club_dates_ix ON club_subscription (club_id, starts_on, ends_on);
DROP INDEX club_subscription_club_ix;

-- The patron list in its default order (name) and by registration, a page at a time without sorting the
-- organisation's patrons; counted from the index.
CREATE INDEX patron_organisation_name_ix ON patron (organisation_id, last_name, first_name, patron_number);
CREATE INDEX patron_organisation_registered_ix ON patron (organisation_id, registered_at, patron_number);

-- The queue's weekly figures on the staff home page: applications received since a day.
CREATE INDEX institution_application_submitted_ix ON institution_application (submitted_at);

-- The letters page: letters printed and not posted yet, newest first.
CREATE INDEX credential_letter_unposted_ix ON credential_letter (printed_at DESC, id)
    WHERE kind = 'LETTER' AND printed_at IS NOT NULL AND posted_at IS NULL;
