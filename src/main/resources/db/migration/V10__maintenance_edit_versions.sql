-- Optimistic locking of windows and notices that two people may edit at once. A window's own `version`
-- counts reschedules and cancellations for its announcements (a text edit does not bump it, and marking a
-- version announced must not count as an edit), so the edit counter is a column of its own.
ALTER TABLE maintenance_window ADD COLUMN lock_version bigint NOT NULL DEFAULT 0;
ALTER TABLE service_notice ADD COLUMN lock_version bigint NOT NULL DEFAULT 0;
