-- Counts of one staff account's actions since a moment (identity-code searches a day): by actor, action and time.
CREATE INDEX audit_event_actor_action_ix ON audit_event (actor, action, occurred_at DESC);
