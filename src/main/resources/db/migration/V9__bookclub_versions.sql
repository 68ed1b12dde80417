-- Optimistic locking for what two staff members can edit at once: a club (its details and calendar), each
-- shipment of its calendar, and a subscription. A constant default adds the column without rewriting the table.
ALTER TABLE book_club ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE club_shipment ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE club_subscription ADD COLUMN version bigint NOT NULL DEFAULT 0;
